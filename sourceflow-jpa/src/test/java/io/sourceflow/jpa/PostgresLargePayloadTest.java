package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** JSON beyond 32 KB on Postgres, tables from the shipped DDL. */
class PostgresLargePayloadTest extends LargePayloadTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
