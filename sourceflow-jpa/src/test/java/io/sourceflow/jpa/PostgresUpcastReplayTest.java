package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Replay through upcasters on Postgres. */
class PostgresUpcastReplayTest extends UpcastReplayTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
