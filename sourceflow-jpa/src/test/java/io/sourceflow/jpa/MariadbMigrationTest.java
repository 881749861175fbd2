package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** The migrations on Mariadb. */
class MariadbMigrationTest extends MigrationTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
