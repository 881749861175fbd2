package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** The keyed stores on H2. */
class H2KeyedStoreTest extends KeyedStoreTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
