package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** The inbox and dead-letter store on PostgreSQL. */
class PostgresTransportStoreTest extends TransportStoreTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
