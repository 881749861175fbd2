package io.sourceflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/** The remembered sequence numbers: what a transaction sees, and what commit and rollback leave behind. */
class SequenceNumbersTest {

    private final SequenceNumbers sequences = new SequenceNumbers();
    private final Map<String, Long> database = new HashMap<>();
    private final List<String> queries = new ArrayList<>();
    private final ToLongFunction<String> query = id -> {
        queries.add(id);
        return database.getOrDefault(id, 0L);
    };

    @Test
    void anUnknownEntityIsReadFromTheDatabaseOnce() {
        // given
        database.put("a", 4L);
        Tx tx = new Tx();

        // when
        long first = sequences.last(tx, "a", query) + 1;
        sequences.claimed(tx, "a", first);
        long second = sequences.last(tx, "a", query) + 1;

        // then
        assertThat(first).isEqualTo(5);
        assertThat(second).as("the transaction's own claim, without a query").isEqualTo(6);
        assertThat(queries).containsExactly("a");
    }

    @Test
    void aCommittedNumberIsRememberedForTheNextTransaction() {
        // given
        Tx tx = new Tx();
        sequences.claimed(tx, "a", sequences.last(tx, "a", query) + 1);
        sequences.claimed(tx, "a", sequences.last(tx, "a", query) + 1);

        // when
        tx.complete(Status.STATUS_COMMITTED);
        Tx next = new Tx();

        // then
        assertThat(sequences.last(next, "a", query)).isEqualTo(2);
        assertThat(queries).containsExactly("a");
    }

    @Test
    void aRollbackForgetsTheEntitiesItTouched() {
        // given
        committed("a", 3);
        committed("b", 7);
        Tx tx = new Tx();
        sequences.claimed(tx, "a", sequences.last(tx, "a", query) + 1);

        // when
        tx.complete(Status.STATUS_ROLLEDBACK);

        // then
        assertThat(sequences.cached("a")).isEqualTo(-1);
        assertThat(sequences.cached("b")).as("untouched by the failed transaction").isEqualTo(7);
        database.put("a", 3L);
        assertThat(sequences.last(new Tx(), "a", query)).isEqualTo(3);
    }

    @Test
    void anUnknownOutcomeCountsAsARollback() {
        // given
        committed("a", 3);
        Tx tx = new Tx();
        sequences.claimed(tx, "a", 4);

        // when
        tx.complete(Status.STATUS_UNKNOWN);

        // then
        assertThat(sequences.cached("a")).isEqualTo(-1);
    }

    @Test
    void aLateCommitOfALowerNumberDoesNotMoveTheEntryBack() {
        // given
        Tx slow = new Tx();
        sequences.claimed(slow, "a", 5);
        Tx fast = new Tx();
        sequences.claimed(fast, "a", 6);

        // when
        fast.complete(Status.STATUS_COMMITTED);
        slow.complete(Status.STATUS_COMMITTED);

        // then
        assertThat(sequences.cached("a")).isEqualTo(6);
    }

    @Test
    void aClaimThatWasNeverRecordedIsNeverRemembered() {
        // given: the number was read, but the row was never persisted (so never claimed)
        database.put("a", 2L);
        Tx tx = new Tx();
        sequences.last(tx, "a", query);

        // when
        tx.complete(Status.STATUS_COMMITTED);

        // then
        assertThat(sequences.cached("a")).isEqualTo(-1);
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
        assertThat(sequences.cached(b)).isEqualTo(20);
        assertThat(sequences.cached(a)).isEqualTo(-1);
        database.put(a, 10L);
        assertThat(sequences.last(new Tx(), a, query)).isEqualTo(10);
        assertThat(queries).containsExactly(a);
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
