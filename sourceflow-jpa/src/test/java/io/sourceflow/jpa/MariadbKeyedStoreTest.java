package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** The keyed stores on MariaDB. */
class MariadbKeyedStoreTest extends KeyedStoreTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
