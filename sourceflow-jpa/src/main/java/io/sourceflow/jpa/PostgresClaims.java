package io.sourceflow.jpa;

import jakarta.persistence.EntityManager;

/**
 * The command log's claim of a sequence number on PostgreSQL, in one statement: it takes the
 * entity's lock, a transaction-scoped advisory lock keyed by the entity, and inserts the row under
 * the number the caller expects to be next, doing nothing when the log already holds that number.
 *
 * <p>Why it is safe: every writer of an entity on this path holds the entity's lock from its claim
 * to the end of its transaction, so writers of one entity queue there, in the order the database
 * grants the lock. The insert checks the key against the index as it is when the lock is granted
 * (not against the statement's snapshot, which a wait on a lock leaves behind), so a number that a
 * writer before committed is found taken; the caller then reads the last number in a statement of its
 * own, which sees every commit before the lock was granted, and claims the next one, still under the
 * lock. With a number remembered from this process's last commit of the entity (the usual case) the
 * claim is the only statement: where the generic path locks the entity's first row, reads the last
 * number and writes the row at the flush, three statements.
 *
 * <p>The advisory lock's key is two integers: a constant that marks SourceFlow's entity locks and the
 * hash of the entity's type and id. Two entities whose hashes collide share a lock (one waits for
 * the other, nothing worse). {@link #lock} takes the same lock for a replay.
 */
final class PostgresClaims {

    /** The first key of SourceFlow's advisory locks on entities ("SFlw"). */
    static final int LOCK_SPACE = 0x53466c77;

    /** The named native query of {@link #CLAIM_SQL}: a native query built on every use is parsed again every time. */
    static final String CLAIM = "sourceflow.CommandRow.postgresClaim";
    /** The named native query of {@link #LOCK_SQL}. */
    static final String LOCK = "sourceflow.CommandRow.postgresLock";

    private static final String ADVISORY_LOCK = "pg_advisory_xact_lock(CAST(? AS INTEGER), CAST(? AS INTEGER))";
    /** Locks the entity and inserts its row, unless its number is taken. */
    static final String CLAIM_SQL = "INSERT INTO sourceflow_command (entity_type, entity_id, sequence_no, type_alias,"
            + " type_revision, payload, metadata, is_new, occurred_on) SELECT CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(255)),"
            + " CAST(? AS BIGINT), CAST(? AS VARCHAR(255)), CAST(? AS INTEGER), CAST(? AS TEXT), CAST(? AS TEXT),"
            + " CAST(? AS BOOLEAN), CAST(? AS TIMESTAMP WITH TIME ZONE) FROM (SELECT " + ADVISORY_LOCK + ") entity_lock"
            + " ON CONFLICT (entity_type, entity_id, sequence_no) DO NOTHING";
    /** Locks the entity. */
    static final String LOCK_SQL = "SELECT 1 FROM (SELECT " + ADVISORY_LOCK + ") entity_lock";

    private PostgresClaims() {
    }

    /**
     * Locks the row's entity and inserts the row, unless the log holds its number.
     *
     * @param em the transaction's entity manager
     * @param row the row to insert
     * @return true when the row was inserted; false when its number was taken
     */
    static boolean claim(EntityManager em, CommandRow row) {
        return em.createNamedQuery(CLAIM).setParameter(1, row.getEntityType()).setParameter(2, row.getEntityId())
                .setParameter(3, row.getSequenceNo()).setParameter(4, row.getTypeAlias())
                .setParameter(5, row.getTypeRevision()).setParameter(6, row.getPayload()).setParameter(7, row.getMetadata())
                .setParameter(8, row.isNew()).setParameter(9, row.getOccurredOn()).setParameter(10, LOCK_SPACE)
                .setParameter(11, key(row.getEntityType(), row.getEntityId())).executeUpdate() == 1;
    }

    /**
     * Takes the entity's lock until the transaction ends, waiting for its holder.
     *
     * @param em the transaction's entity manager
     * @param entityType the entity's type
     * @param entityId its id
     */
    static void lock(EntityManager em, String entityType, String entityId) {
        em.createNamedQuery(LOCK).setParameter(1, LOCK_SPACE).setParameter(2, key(entityType, entityId)).getResultList();
    }

    /** The entity's lock key: the hash of its type and id ({@link String#hashCode}, the same in every JVM). */
    static int key(String entityType, String entityId) {
        return (entityType + '\u0000' + entityId).hashCode();
    }
}
