package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Concurrent deposits on Derby in memory, as the sample's default server configuration stores them. */
class DerbyConcurrencyTest extends ConcurrencyTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.DERBY;
    }
}
