package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** The keyed stores on Postgres. */
class PostgresKeyedStoreTest extends KeyedStoreTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
