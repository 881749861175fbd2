package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Sequence numbers and the entity lock on PostgreSQL. */
class PostgresSequenceNumberTest extends SequenceNumberTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
