package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Replays meeting on a keyed view on PostgreSQL. */
class PostgresKeyedViewReplayTest extends KeyedViewReplayTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
