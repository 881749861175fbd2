package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Statements per command on H2. */
class H2RoundTripTest extends RoundTripTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
