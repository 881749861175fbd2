package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Crypto-shredding on Mariadb. */
class MariadbPersonalDataTest extends PersonalDataTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
