package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Crypto-shredding on Derby. */
class DerbyPersonalDataTest extends PersonalDataTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.DERBY;
    }
}
