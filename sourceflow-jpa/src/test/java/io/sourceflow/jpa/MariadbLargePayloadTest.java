package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** JSON beyond 32 KB on MariaDB, tables from the shipped DDL. */
class MariadbLargePayloadTest extends LargePayloadTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
