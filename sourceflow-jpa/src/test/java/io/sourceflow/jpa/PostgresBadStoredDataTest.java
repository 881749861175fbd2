package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Bad stored data on Postgres. */
class PostgresBadStoredDataTest extends BadStoredDataTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
