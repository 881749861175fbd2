package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** The sequence-number cache on MariaDB. */
class MariadbSequenceCacheTest extends SequenceCacheTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
