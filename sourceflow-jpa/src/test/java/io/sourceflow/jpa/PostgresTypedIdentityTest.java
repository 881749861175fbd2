package io.sourceflow.jpa;

import io.sourceflow.jpa.support.TestDatabase;

/** Typed entity identity on Postgres. */
class PostgresTypedIdentityTest extends TypedIdentityTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
