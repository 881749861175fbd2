package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Statements per command on Postgres. */
class PostgresRoundTripTest extends RoundTripTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
