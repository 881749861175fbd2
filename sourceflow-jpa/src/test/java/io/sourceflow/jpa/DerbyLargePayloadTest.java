package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** JSON beyond 32 KB on Derby, tables from the shipped DDL. */
class DerbyLargePayloadTest extends LargePayloadTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.DERBY;
    }
}
