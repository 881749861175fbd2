package io.sourceflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sourceflow.ConcurrencyException;
import io.sourceflow.jpa.support.TestDatabase;
import jakarta.transaction.TransactionManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Sequence numbers and the entity lock on PostgreSQL, where a claim takes the entity's advisory lock
 * and writes the log row in one statement ({@link PostgresClaims}).
 */
class PostgresSequenceNumberTest extends SequenceNumberTests {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }

    @Test
    void aWriterWaitsWhileAReplayHoldsTheEntitysLock() throws Exception {
        // given
        accounts.open("l-1", "Lu", BigDecimal.ZERO);
        TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
        CompletableFuture<Void> deposit;

        // when: a transaction holds the entity's lock, as a replay does, while another deposits
        tm.begin();
        try {
            store.lock("BankAccount", "l-1");
            deposit = CompletableFuture.runAsync(() -> accounts.deposit("l-1", BigDecimal.ONE));

            // then: the deposit waits for the lock
            await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) rows.value(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = ?",
                    PostgresClaims.LOCK_SPACE)).intValue() == 1);
            assertThat(deposit).isNotDone();
        } finally {
            tm.commit();
        }
        deposit.get(30, TimeUnit.SECONDS);
        assertThat(sequenceNumbers("l-1")).containsExactly(1L, 2L);
    }

    @Test
    void aNumberTakenOnEveryClaimUnderTheLockIsAConflictNotAnEndlessLoop() {
        // given: a trigger drops every log row of the entity after its first, as if a writer that takes no lock
        // (a server of an older version) took each number first
        accounts.open("x-1", "Xi", BigDecimal.ZERO);
        rows.update("CREATE OR REPLACE FUNCTION sourceflow_test_take_numbers() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF NEW.entity_id = 'x-1' AND NEW.sequence_no > 1 THEN RETURN NULL; END IF; RETURN NEW; END $$");
        rows.update("CREATE TRIGGER sourceflow_test_take_numbers BEFORE INSERT ON sourceflow_command FOR EACH ROW"
                + " EXECUTE FUNCTION sourceflow_test_take_numbers()");
        try {
            // when, then
            assertThatThrownBy(() -> accounts.deposit("x-1", BigDecimal.ONE)).isInstanceOf(ConcurrencyException.class)
                    .hasMessageContaining("of entity 'x-1' of type 'BankAccount' was taken " + JpaCommandStore.CLAIM_ATTEMPTS
                            + " times while its lock was held");
        } finally {
            rows.update("DROP TRIGGER sourceflow_test_take_numbers ON sourceflow_command");
            rows.update("DROP FUNCTION sourceflow_test_take_numbers()");
        }
        assertThat(sequenceNumbers("x-1")).containsExactly(1L);
        accounts.deposit("x-1", BigDecimal.ONE);
        assertThat(sequenceNumbers("x-1")).containsExactly(1L, 2L);
    }
}
