package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Atomicity on Derby (embedded, XA). */
class DerbyAtomicityTest extends AtomicityTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.DERBY;
    }
}
