package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** The migrations on Derby. */
class DerbyMigrationTest extends MigrationTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.DERBY;
    }
}
