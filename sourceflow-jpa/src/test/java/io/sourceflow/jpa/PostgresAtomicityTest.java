package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Atomicity on Postgres. */
class PostgresAtomicityTest extends AtomicityTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
