package io.sourceflow.jpa;

import io.sourceflow.ConcurrencyException;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Recognises the database failures that mean "another writer was first" and turns them into
 * {@link ConcurrencyException}: a stale {@code @Version}, a duplicate key (SQLState 23505, the
 * {@code (entity_id, sequence_no)} guard), a serialization failure (40001) or a deadlock (40P01).
 * The cause chain is walked; message texts are never parsed.
 */
final class Failures {

    private static final Set<String> CONFLICTS = Set.of("23505", "40001", "40P01");

    private Failures() {
    }

    /**
     * The exception to throw for a failed database operation.
     *
     * @param failure what the provider threw
     * @param what the operation, for the message (for example {@code DepositMoney for entity 'a-1' #3})
     * @return a {@link ConcurrencyException} with the failure as its cause, or the failure itself
     */
    static RuntimeException translate(RuntimeException failure, String what) {
        String conflict = conflict(failure);
        if (conflict == null) {
            return failure;
        }
        return new ConcurrencyException("Another writer changed the same data first while writing " + what + " ("
                + conflict + "); retry in a new transaction", failure);
    }

    /** What kind of conflict the chain shows, or null when it shows none. */
    static String conflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return "concurrency exception";
            }
            if (t instanceof OptimisticLockException) {
                return "stale version";
            }
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (e.getSQLState() != null && CONFLICTS.contains(e.getSQLState())) {
                        return "SQLState " + e.getSQLState();
                    }
                }
            }
        }
        return null;
    }
}
