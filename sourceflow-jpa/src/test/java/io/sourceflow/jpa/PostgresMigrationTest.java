package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** The migrations on Postgres. */
class PostgresMigrationTest extends MigrationTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
