package io.sourceflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
}
