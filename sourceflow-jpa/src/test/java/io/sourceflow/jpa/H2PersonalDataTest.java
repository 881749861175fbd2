package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Crypto-shredding on H2. */
class H2PersonalDataTest extends PersonalDataTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
