package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Statements per command on PostgreSQL through a non-XA data source (local transactions as the last resource). */
class PostgresLocalRoundTripTest extends RoundTripTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }

    @Override
    TestDatabase.Transactions transactions() {
        return TestDatabase.Transactions.LOCAL;
    }
}
