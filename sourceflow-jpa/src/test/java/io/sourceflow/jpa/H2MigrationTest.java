package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** The migrations on H2. */
class H2MigrationTest extends MigrationTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
