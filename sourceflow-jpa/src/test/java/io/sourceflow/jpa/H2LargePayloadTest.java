package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** JSON beyond 32 KB on H2, tables from the shipped DDL. */
class H2LargePayloadTest extends LargePayloadTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
