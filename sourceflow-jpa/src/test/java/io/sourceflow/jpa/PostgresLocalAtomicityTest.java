package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Atomicity on PostgreSQL through a non-XA data source (local transactions as the last resource). */
class PostgresLocalAtomicityTest extends AtomicityTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }

    @Override
    TestDatabase.Transactions transactions() {
        return TestDatabase.Transactions.LOCAL;
    }
}
