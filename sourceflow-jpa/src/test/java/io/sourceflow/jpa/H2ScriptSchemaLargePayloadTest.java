package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** JSON beyond 32 KB on H2, tables made by the provider running the shipped DDL script. */
class H2ScriptSchemaLargePayloadTest extends LargePayloadTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }

    @Override
    Schema schema() {
        return Schema.SHIPPED_DDL_RUN_BY_PROVIDER;
    }
}
