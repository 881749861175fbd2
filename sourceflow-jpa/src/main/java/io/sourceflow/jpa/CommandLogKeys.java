package io.sourceflow.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Reads the command log's key in a transaction of its own, outside a transaction that failed: after
 * a duplicate key, whether another writer holds the number this transaction claimed (a lost race,
 * worth a retry) or not (the duplicate was in another table: the application's own unique key).
 */
@ApplicationScoped
public class CommandLogKeys {

    @Inject
    JpaContext context;

    /**
     * Whether a committed command holds an entity's sequence number.
     *
     * @param entityId the entity
     * @param sequenceNo the number
     * @return {@code true} when the log has a row under that key
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean taken(String entityId, long sequenceNo) {
        return context.entityManager().createQuery("SELECT COUNT(c) FROM CommandRow c WHERE c.entityId = :entityId"
                        + " AND c.sequenceNo = :sequenceNo", Long.class)
                .setParameter("entityId", entityId).setParameter("sequenceNo", sequenceNo).getSingleResult() > 0;
    }
}
