package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Typed entity identity on H2. */
class H2TypedIdentityTest extends TypedIdentityTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
