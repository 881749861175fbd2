package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Statements per command on MariaDB. */
class MariadbRoundTripTest extends RoundTripTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
