package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Atomicity on MariaDB. */
class MariadbAtomicityTest extends AtomicityTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
