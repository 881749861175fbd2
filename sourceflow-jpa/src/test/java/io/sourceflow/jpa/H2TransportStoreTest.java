package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** The inbox and dead-letter store on H2. */
class H2TransportStoreTest extends TransportStoreTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
