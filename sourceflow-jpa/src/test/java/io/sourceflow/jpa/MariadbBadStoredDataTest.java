package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Bad stored data on MariaDB. */
class MariadbBadStoredDataTest extends BadStoredDataTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
