package io.sourceflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the store knows of sequence numbers: a transaction's own claims, followed within it, and the
 * numbers committed transactions left behind, a lower bound for the next transaction.
 */
class SequenceNumbersTest {

    private final SequenceNumbers sequences = new SequenceNumbers();

    @Test
    void anEntityTheTransactionDidNotClaimIsUnknownToIt() {
        assertThat(sequences.claimedLast(new Tx(), "a")).isEqualTo(-1);
        assertThat(sequences.committedAtLeast("a")).isZero();
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
        assertThat(sequences.claimedLast(new Tx(), "a")).as("another transaction locks and asks").isEqualTo(-1);
    }

    @Test
    void aCommitLeavesALowerBoundForTheNextTransaction() {
        // given
        Tx tx = new Tx();
        sequences.claimed(tx, "a", 5);
        sequences.claimed(tx, "a", 6);

        // when
        tx.complete(Status.STATUS_COMMITTED);

        // then
        assertThat(sequences.committedAtLeast("a")).isEqualTo(6);
        assertThat(sequences.claimedLast(new Tx(), "a")).isEqualTo(-1);
    }

    @Test
    void aRollbackOrAnUnknownOutcomeLeavesNothing() {
        // given
        committed("a", 3);
        Tx rolledBack = new Tx();
        sequences.claimed(rolledBack, "a", 4);
        Tx unknown = new Tx();
        sequences.claimed(unknown, "b", 1);

        // when
        rolledBack.complete(Status.STATUS_ROLLEDBACK);
        unknown.complete(Status.STATUS_UNKNOWN);

        // then
        assertThat(sequences.committedAtLeast("a")).isEqualTo(3);
        assertThat(sequences.committedAtLeast("b")).isZero();
    }

    @Test
    void aLateCommitOfALowerNumberDoesNotMoveTheBoundBack() {
        // given
        Tx slow = new Tx();
        sequences.claimed(slow, "a", 5);
        Tx fast = new Tx();
        sequences.claimed(fast, "a", 6);

        // when
        fast.complete(Status.STATUS_COMMITTED);
        slow.complete(Status.STATUS_COMMITTED);

        // then
        assertThat(sequences.committedAtLeast("a")).isEqualTo(6);
    }

    @Test
    void entitiesSharingASlotEvictEachOtherAndNeverSeeEachOthersNumbers() {
        // given: two ids in the same slot
        String a = "a";
        String b = collidingWith(a);
        committed(a, 10);

        // when
        committed(b, 20);

        // then
        assertThat(sequences.committedAtLeast(b)).isEqualTo(20);
        assertThat(sequences.committedAtLeast(a)).isZero();
    }

    private void committed(String entityId, long sequenceNo) {
        Tx tx = new Tx();
        sequences.claimed(tx, entityId, sequenceNo);
        tx.complete(Status.STATUS_COMMITTED);
    }

    /** Another id whose slot is the same as this one's. */
    private static String collidingWith(String id) {
        int slot = SequenceNumbers.slot(id);
        for (int i = 0;; i++) {
            String other = "x" + i;
            if (SequenceNumbers.slot(other) == slot) {
                return other;
            }
        }
    }

    /** One transaction's registry: its resources and interposed synchronizations. */
    private static final class Tx implements TransactionSynchronizationRegistry {
        private final Map<Object, Object> resources = new HashMap<>();
        private final List<Synchronization> synchronizations = new ArrayList<>();

        void complete(int status) {
            synchronizations.forEach(Synchronization::beforeCompletion);
            synchronizations.forEach(s -> s.afterCompletion(status));
        }

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
            synchronizations.add(sync);
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
