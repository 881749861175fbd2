package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Atomicity on H2. */
class H2AtomicityTest extends AtomicityTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
