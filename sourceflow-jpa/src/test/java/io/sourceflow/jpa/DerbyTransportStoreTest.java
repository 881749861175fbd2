package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** The inbox and dead-letter store on Derby, tables from the shipped Derby DDL. */
class DerbyTransportStoreTest extends TransportStoreTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.DERBY;
    }
}
