package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Replays meeting on a keyed view on MariaDB. */
class MariadbKeyedViewReplayTest extends KeyedViewReplayTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
