package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Document revisions and upcasters on Postgres. */
class PostgresDocumentUpcastTest extends DocumentUpcastTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
