package io.sourceflow.jpa;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.ToLongFunction;

/**
 * The last sequence number of each entity, so that appending a command does not ask the database
 * for it every time.
 *
 * <p>Two levels. The numbers a transaction claims are kept with that transaction (in the JTA
 * {@link TransactionSynchronizationRegistry}), so that a second command for the same entity in
 * the same transaction follows the first. When the transaction commits, its numbers go into a
 * small shared table; when it rolls back for any reason (a conflict with another writer among
 * them), the shared entries of its entities are dropped, so that the next transaction asks the
 * database again. A number missing from both levels is read from the database.
 *
 * <p>A cached number can only be too low, never too high: it comes from a committed row, and the
 * log is append-only. Too low means another writer (another JVM, or a transaction of this one that
 * committed in between) was first: the insert then fails on the log's primary key, the
 * transaction rolls back, the entry is dropped and the retry reads the true number. So the cache
 * saves the query without weakening the {@code (entity_id, sequence_no)} guard; the one thing it
 * assumes is that nobody deletes log rows behind the store's back while the application runs.
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
     * The entity's last sequence number as the current transaction sees it.
     *
     * @param registry the transaction synchronization registry; the transaction is active
     * @param entityId the entity
     * @param database reads the entity's last committed sequence number (0 for none) when neither
     *     the transaction nor the shared table knows it
     * @return the last number; the next command takes the one after it
     */
    long last(TransactionSynchronizationRegistry registry, String entityId, ToLongFunction<String> database) {
        Claims claims = (Claims) registry.getResource(key);
        Long claimed = claims == null ? null : claims.last.get(entityId);
        if (claimed != null) {
            return claimed;
        }
        Last cached = slots.get(slot(entityId));
        return cached != null && cached.entityId.equals(entityId) ? cached.sequenceNo : database.applyAsLong(entityId);
    }

    /**
     * Records that the current transaction wrote the entity's command under a number: its next
     * command follows it, and the shared table learns it if the transaction commits. Called once
     * the row is persisted, so that a number whose row was never written is never remembered.
     *
     * @param registry the transaction synchronization registry; the transaction is active
     * @param entityId the entity
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

    /**
     * The shared table's number for an entity, for tests.
     *
     * @param entityId the entity
     * @return its last committed sequence number as cached, or -1 when it is not cached
     */
    long cached(String entityId) {
        Last cached = slots.get(slot(entityId));
        return cached != null && cached.entityId.equals(entityId) ? cached.sequenceNo : -1;
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

    private void forget(String entityId) {
        int slot = slot(entityId);
        Last current = slots.get(slot);
        if (current != null && current.entityId.equals(entityId)) {
            slots.compareAndSet(slot, current, null);
        }
    }

    static int slot(String entityId) {
        int h = entityId.hashCode();
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }

    /** An entity's last committed sequence number. */
    private record Last(String entityId, long sequenceNo) {
    }

    /** The numbers one transaction claimed; published or dropped when it completes. */
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
            } else {
                last.keySet().forEach(SequenceNumbers.this::forget);
            }
        }
    }
}
