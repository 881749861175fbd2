package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** The bank scenario on H2. */
class H2BankScenarioTest extends BankScenarioTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
