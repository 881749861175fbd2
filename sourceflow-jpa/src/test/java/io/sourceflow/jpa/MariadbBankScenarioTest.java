package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** The bank scenario on MariaDB. */
class MariadbBankScenarioTest extends BankScenarioTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
