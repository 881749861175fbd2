package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Concurrent deposits on MariaDB (SQLState 23000, vendor code 1062, for a lost sequence-number race). */
class MariadbConcurrencyTest extends ConcurrencyTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
