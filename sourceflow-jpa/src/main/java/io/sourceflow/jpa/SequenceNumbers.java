package io.sourceflow.jpa;

import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.Map;

/**
 * The sequence numbers the current transaction claimed, per entity, kept with the transaction in
 * the JTA {@link TransactionSynchronizationRegistry}: a second command for the same entity in the
 * same transaction follows the first without asking the database, and without locking the entity
 * again, since the transaction holds its lock already.
 *
 * <p>Nothing is kept between transactions. An earlier version shared the numbers committed
 * transactions left behind, to save the query; once writers of one entity wait for its lock, that
 * table is out of date exactly when it matters: the transaction that released the lock has
 * committed in the database but not yet told the table, so the next writer would claim a number
 * already taken and fail. After the lock, the database is asked.
 */
final class SequenceNumbers {

    private final Object key = new Object();

    /**
     * The entity's last sequence number as the current transaction claimed it.
     *
     * @param registry the transaction synchronization registry; the transaction is active
     * @param entityId the entity
     * @return the last number this transaction claimed for the entity, or -1 when it claimed none
     *     (then the entity is not locked by it yet)
     */
    long claimedLast(TransactionSynchronizationRegistry registry, String entityId) {
        @SuppressWarnings("unchecked")
        Map<String, Long> claims = (Map<String, Long>) registry.getResource(key);
        Long claimed = claims == null ? null : claims.get(entityId);
        return claimed == null ? -1 : claimed;
    }

    /**
     * Records that the current transaction wrote the entity's command under a number: its next
     * command follows it. Called once the row is persisted, so that a number whose row was never
     * written is never remembered.
     *
     * @param registry the transaction synchronization registry; the transaction is active
     * @param entityId the entity
     * @param sequenceNo the number written
     */
    void claimed(TransactionSynchronizationRegistry registry, String entityId, long sequenceNo) {
        @SuppressWarnings("unchecked")
        Map<String, Long> claims = (Map<String, Long>) registry.getResource(key);
        if (claims == null) {
            claims = new HashMap<>(4);
            registry.putResource(key, claims);
        }
        claims.put(entityId, sequenceNo);
    }
}
