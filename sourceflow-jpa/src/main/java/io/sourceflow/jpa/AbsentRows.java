package io.sourceflow.jpa;

import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows a transaction looked for through one store and found missing. A write of such a row
 * inserts it without looking again: when another transaction created the row meanwhile, the insert
 * fails on the primary key, a conflict the caller retries, instead of overwriting what the other
 * wrote with a value made from nothing (a view model that many entities' events update, say).
 */
final class AbsentRows {

    /** This store's entry in each transaction's resources. */
    private final Object resource = new Object();

    /**
     * Records what the transaction found: a row, which forgets an earlier miss (the row is in the
     * persistence context now), or none.
     *
     * @param tx the active transaction, or null (nothing is recorded outside one)
     * @param found whether a row was found
     */
    void seen(TransactionSynchronizationRegistry tx, Class<?> type, String id, boolean found) {
        if (tx == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<List<Object>> missing = (Set<List<Object>>) tx.getResource(resource);
        if (found) {
            if (missing != null) {
                missing.remove(List.of(type, id));
            }
            return;
        }
        if (missing == null) {
            missing = new HashSet<>();
            tx.putResource(resource, missing);
        }
        missing.add(List.of(type, id));
    }

    /**
     * Whether the transaction found no row when it last looked, forgetting it: once written, the row
     * is in the transaction's persistence context.
     *
     * @param tx the active transaction, or null
     * @return true when the row was read as missing
     */
    boolean take(TransactionSynchronizationRegistry tx, Class<?> type, String id) {
        if (tx == null) {
            return false;
        }
        @SuppressWarnings("unchecked")
        Set<List<Object>> missing = (Set<List<Object>>) tx.getResource(resource);
        return missing != null && missing.remove(List.of(type, id));
    }
}
