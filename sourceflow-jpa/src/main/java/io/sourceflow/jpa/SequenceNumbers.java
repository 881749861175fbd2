package io.sourceflow.jpa;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What the store knows of each entity's last sequence number, so that reading it after the entity's
 * lock touches only the rows after a known one rather than the whole log of the entity.
 *
 * <p>Two levels. The numbers a transaction claims are kept with that transaction (in the JTA
 * {@link TransactionSynchronizationRegistry}): a second command for the same entity in the same
 * transaction follows the first without asking the database, and without locking the entity again.
 * When the transaction commits, its numbers go into a small shared table; a rollback publishes
 * nothing.
 *
 * <p>A number from the shared table is a lower bound, never the answer: it comes from a committed
 * row and the log is append-only, so the entity's log holds at least that number; but another
 * writer may have committed more since (another JVM, or the transaction that held the entity's
 * lock just before, which released the lock when it committed and tells the table only after).
 * So after the lock the database is always asked for the rows after the bound
 * ({@link CommandRow#LAST_AFTER}): normally none, a few when the bound is out of date.
 *
 * <p>The shared table is a fixed array of slots addressed by the entity id's hash: bounded memory
 * whatever the number of entities; two entities sharing a slot just evict each other.
 */
final class SequenceNumbers {

    /** Slots in the shared table (a power of two). */
    static final int SLOTS = 1 << 13;

    private final AtomicReferenceArray<Last> slots = new AtomicReferenceArray<>(SLOTS);
    private final Object key = new Object();

    /**
     * The entity's last sequence number as the current transaction claimed it.
     *
     * @param registry the transaction synchronization registry; the transaction is active
     * @param entityId the entity: its type's name and id, joined by a NUL character
     * @return the last number this transaction claimed for the entity, or -1 when it claimed none
     *     (then the entity is not locked by it yet)
     */
    long claimedLast(TransactionSynchronizationRegistry registry, String entityId) {
        Claims claims = (Claims) registry.getResource(key);
        Long claimed = claims == null ? null : claims.last.get(entityId);
        return claimed == null ? -1 : claimed;
    }

    /**
     * A number the entity's log is known to hold: the last one a committed transaction of this
     * store wrote, or 0 when none is remembered.
     *
     * @param entityId the entity: its type's name and id, joined by a NUL character
     * @return a lower bound of its last sequence number
     */
    long committedAtLeast(String entityId) {
        Last cached = slots.get(slot(entityId));
        return cached != null && cached.entityId.equals(entityId) ? cached.sequenceNo : 0;
    }

    /**
     * Records that the current transaction wrote the entity's command under a number: its next
     * command follows it, and the shared table learns it if the transaction commits. Called once
     * the row is persisted, so that a number whose row was never written is never remembered.
     *
     * @param registry the transaction synchronization registry; the transaction is active
     * @param entityId the entity: its type's name and id, joined by a NUL character
     * @param sequenceNo the number written
     */
    void claimed(TransactionSynchronizationRegistry registry, String entityId, long sequenceNo) {
        Claims claims = (Claims) registry.getResource(key);
        if (claims == null) {
            claims = new Claims();
            registry.registerInterposedSynchronization(claims);
            registry.putResource(key, claims);
        }
        claims.last.put(entityId, sequenceNo);
    }

    private void committed(String entityId, long sequenceNo) {
        int slot = slot(entityId);
        Last next = new Last(entityId, sequenceNo);
        for (;;) {
            Last current = slots.get(slot);
            if (current != null && current.entityId.equals(entityId) && current.sequenceNo >= sequenceNo) {
                return; // a later commit of the same entity got there first
            }
            if (slots.compareAndSet(slot, current, next)) {
                return;
            }
        }
    }

    static int slot(String entityId) {
        int h = entityId.hashCode();
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }

    /** An entity's last committed sequence number. */
    private record Last(String entityId, long sequenceNo) {
    }

    /** The numbers one transaction claimed; published when it commits. */
    private final class Claims implements Synchronization {

        final Map<String, Long> last = new HashMap<>(4);

        @Override
        public void beforeCompletion() {
            // the outcome is not known yet
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                last.forEach(SequenceNumbers.this::committed);
            }
        }
    }
}
