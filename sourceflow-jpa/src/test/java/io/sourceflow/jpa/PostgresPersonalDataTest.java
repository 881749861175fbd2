package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Crypto-shredding on Postgres. */
class PostgresPersonalDataTest extends PersonalDataTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
