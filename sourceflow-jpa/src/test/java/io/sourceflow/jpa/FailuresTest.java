package io.sourceflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.ConcurrencyException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

/**
 * Which database failures mean "another writer was first", as the drivers of the databases in use
 * report them (SQLState and vendor code; the codes of Oracle, SQL Server and DB2 are from their
 * documentation, MariaDB's are also met for real by {@code MariadbConcurrencyTest}).
 */
class FailuresTest {

    @Test
    void duplicateKeysAreConflictsOnEveryDatabase() {
        assertThat(conflict("23505", 0)).as("PostgreSQL, H2, Derby").isTrue();
        assertThat(conflict("23505", -803)).as("DB2").isTrue();
        assertThat(conflict("23000", 1062)).as("MySQL, MariaDB").isTrue();
        assertThat(conflict("23000", 1)).as("Oracle ORA-00001").isTrue();
        assertThat(conflict("23000", 2627)).as("SQL Server, primary key").isTrue();
        assertThat(conflict("23000", 2601)).as("SQL Server, unique index").isTrue();
    }

    @Test
    void deadlocksSerializationFailuresAndLockTimeoutsAreConflicts() {
        assertThat(conflict("40001", 1213)).as("MySQL, MariaDB deadlock").isTrue();
        assertThat(conflict("HY000", 1205)).as("MySQL lock wait timeout").isTrue();
        assertThat(conflict("40P01", 0)).as("PostgreSQL deadlock").isTrue();
        assertThat(conflict("61000", 60)).as("Oracle ORA-00060").isTrue();
        assertThat(conflict("72000", 8177)).as("Oracle ORA-08177").isTrue();
        assertThat(conflict("40001", 1205)).as("SQL Server deadlock").isTrue();
        assertThat(conflict("40001", -911)).as("DB2 deadlock").isTrue();
        assertThat(conflict("57033", -913)).as("DB2 deadlock or timeout").isTrue();
        assertThat(conflict("40XL1", 30000)).as("Derby lock timeout").isTrue();
        assertThat(conflict("40XL2", 30000)).as("Derby lock timeout, with the lock table").isTrue();
        assertThat(conflict("HYT00", 50200)).as("H2 lock timeout").isTrue();
        assertThat(conflict("55P03", 0)).as("PostgreSQL lock not available (lock_timeout)").isTrue();
    }

    @Test
    void otherIntegrityErrorsAndOtherFailuresAreNot() {
        assertThat(conflict("23000", 1452)).as("MySQL foreign key").isFalse();
        assertThat(conflict("23000", 1400)).as("Oracle ORA-01400, NOT NULL").isFalse();
        assertThat(conflict("23000", 547)).as("SQL Server foreign key").isFalse();
        assertThat(conflict("23502", 0)).as("PostgreSQL NOT NULL").isFalse();
        assertThat(conflict("HY000", 1045)).as("MySQL access denied").isFalse();
        assertThat(conflict("08006", 0)).as("a lost connection is not a conflict").isFalse();
        assertThat(conflict("HYT00", 0)).as("another timeout than H2's lock timeout").isFalse();
        assertThat(conflict(null, 1062)).isFalse();
    }

    @Test
    void theChainIsWalkedIncludingNextExceptions() {
        SQLException batch = new SQLException("batch failed", "HY000", 0);
        batch.setNextException(new SQLIntegrityConstraintViolationException("duplicate", "23000", 1062));
        RuntimeException failure = new PersistenceException("flush", new RuntimeException(batch));

        RuntimeException translated = Failures.translate(failure, "DepositMoney for entity 'a-1' #3");

        assertThat(translated).isInstanceOf(ConcurrencyException.class).hasCause(failure)
                .hasMessageContaining("DepositMoney for entity 'a-1' #3").hasMessageContaining("vendor code 1062");
        RuntimeException other = new PersistenceException(new SQLException("fk", "23000", 1452));
        assertThat(Failures.translate(other, "x")).isSameAs(other);
    }

    private static boolean conflict(String state, int code) {
        return Failures.conflict(new PersistenceException(new SQLException("reason", state, code))) != null;
    }
}
