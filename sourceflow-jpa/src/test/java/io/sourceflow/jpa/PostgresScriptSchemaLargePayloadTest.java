package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** JSON beyond 32 KB on Postgres, tables made by the provider running the shipped DDL script. */
class PostgresScriptSchemaLargePayloadTest extends LargePayloadTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }

    @Override
    Schema schema() {
        return Schema.SHIPPED_DDL_RUN_BY_PROVIDER;
    }
}
