package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** The sequence-number cache on PostgreSQL. */
class PostgresSequenceCacheTest extends SequenceCacheTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
