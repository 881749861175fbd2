package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Concurrent deposits on PostgreSQL (SQLState 23505 for a lost sequence-number race). */
class PostgresConcurrencyTest extends ConcurrencyTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
