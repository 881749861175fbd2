package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Concurrent deposits on H2 in memory, whose row locks are the entity lock's on this database. */
class H2ConcurrencyTest extends ConcurrencyTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
