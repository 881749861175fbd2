package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Document revisions and upcasters on H2. */
class H2DocumentUpcastTest extends DocumentUpcastTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
