package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Sequence numbers and the entity lock on MariaDB. */
class MariadbSequenceNumberTest extends SequenceNumberTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
