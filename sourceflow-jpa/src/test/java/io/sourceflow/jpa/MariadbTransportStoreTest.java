package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** The inbox and dead-letter store on MariaDB. */
class MariadbTransportStoreTest extends TransportStoreTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
