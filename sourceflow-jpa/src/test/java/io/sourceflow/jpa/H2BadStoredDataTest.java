package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Bad stored data on H2. */
class H2BadStoredDataTest extends BadStoredDataTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
