package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Replay through upcasters on H2. */
class H2UpcastReplayTest extends UpcastReplayTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
