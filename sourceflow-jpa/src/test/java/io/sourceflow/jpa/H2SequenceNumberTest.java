package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Sequence numbers and the entity lock on H2. */
class H2SequenceNumberTest extends SequenceNumberTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
