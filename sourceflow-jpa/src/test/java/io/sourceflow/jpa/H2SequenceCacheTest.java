package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** The sequence-number cache on H2. */
class H2SequenceCacheTest extends SequenceCacheTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
