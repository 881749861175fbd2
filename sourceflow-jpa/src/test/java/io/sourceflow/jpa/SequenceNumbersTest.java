package io.sourceflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The numbers a transaction claimed: followed within it, never seen by another transaction. */
class SequenceNumbersTest {

    private final SequenceNumbers sequences = new SequenceNumbers();

    @Test
    void anEntityTheTransactionDidNotClaimIsUnknown() {
        assertThat(sequences.claimedLast(new Tx(), "a")).isEqualTo(-1);
    }

    @Test
    void theTransactionsLastClaimIsFollowed() {
        // given
        Tx tx = new Tx();

        // when
        sequences.claimed(tx, "a", 5);
        sequences.claimed(tx, "a", 6);
        sequences.claimed(tx, "b", 1);

        // then
        assertThat(sequences.claimedLast(tx, "a")).isEqualTo(6);
        assertThat(sequences.claimedLast(tx, "b")).isEqualTo(1);
    }

    @Test
    void anotherTransactionSeesNoneOfThem() {
        // given
        Tx tx = new Tx();
        sequences.claimed(tx, "a", 5);

        // when
        Tx next = new Tx();

        // then: it locks the entity and asks the database
        assertThat(sequences.claimedLast(next, "a")).isEqualTo(-1);
    }

    /** One transaction's registry: its resources and interposed synchronizations. */
    private static final class Tx implements TransactionSynchronizationRegistry {
        private final Map<Object, Object> resources = new HashMap<>();

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
            resources.put(key, value);
        }

        @Override
        public Object getResource(Object key) {
            return resources.get(key);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            throw new UnsupportedOperationException("not needed here");
        }

        @Override
        public int getTransactionStatus() {
            return Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException("not needed here");
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
