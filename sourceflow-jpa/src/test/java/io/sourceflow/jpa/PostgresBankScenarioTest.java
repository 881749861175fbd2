package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** The bank scenario on PostgreSQL. */
class PostgresBankScenarioTest extends BankScenarioTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
