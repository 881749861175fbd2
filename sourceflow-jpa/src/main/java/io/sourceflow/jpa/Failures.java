package io.sourceflow.jpa;

import io.sourceflow.ConcurrencyException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/**
 * Recognises the database failures that mean "another writer was first" and turns them into
 * {@link ConcurrencyException}: a stale {@code @Version}, a duplicate key (the
 * {@code (entity_type, entity_id, sequence_no)} guard), a serialization failure, a deadlock or a lock timeout
 * (also as the provider's {@link PessimisticLockException} or {@link LockTimeoutException}).
 * By SQLState where it says so (23505 duplicate key, 40001 serialization or deadlock, 40P01
 * PostgreSQL's deadlock, 55P03 PostgreSQL's lock not available, 57033 DB2's deadlock or timeout,
 * 40XL1 and 40XL2 Derby's lock timeout), else by the vendor's error code where the SQLState is
 * generic: 23000 with MySQL/MariaDB 1062, Oracle 1 (ORA-00001) or SQL Server 2627 and 2601 (a
 * duplicate key; other 23000 codes are other integrity errors and not conflicts), Oracle 60
 * (ORA-00060, deadlock) and 8177 (ORA-08177, serialization), MySQL/MariaDB 1205 (lock wait timeout)
 * and 1213 (deadlock), H2's HYT00 with 50200 (lock timeout). The cause chain and each {@link SQLException#getNextException()}
 * chain are walked; message texts are never parsed.
 */
final class Failures {

    private static final String STALE_VERSION = "stale version";

    private static final Set<String> CONFLICT_STATES = Set.of("23505", "40001", "40P01", "57033", "55P03", "40XL1",
            "40XL2");
    private static final String INTEGRITY = "23000";
    private static final String DUPLICATE_KEY_STATE = "23505";
    private static final Set<Integer> DUPLICATE_KEY_CODES = Set.of(1062, 1, 2627, 2601);
    private static final Map<String, Set<Integer>> CODES_BY_STATE = Map.of(
            "61000", Set.of(60),
            "72000", Set.of(8177),
            "HY000", Set.of(1205, 1213),
            "HYT00", Set.of(50200));

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
                return STALE_VERSION;
            }
            if (t instanceof PessimisticLockException || t instanceof LockTimeoutException) {
                return "lock not obtained";
            }
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    String conflict = conflict(e.getSQLState(), e.getErrorCode());
                    if (conflict != null) {
                        return conflict;
                    }
                }
            }
        }
        return null;
    }

    /**
     * After a stale version, forgets what the provider's shared cache holds: the row was changed
     * behind this server's back (by another server, or by a commit whose answer this server never
     * got when the database went down), so the cache may be stale, and a retry that read it again
     * would fail again, forever. The retry reads the rows from the database.
     *
     * @param em the entity manager whose flush failed
     * @param failure what the flush threw
     */
    static void forgetStaleRows(EntityManager em, Throwable failure) {
        if (STALE_VERSION.equals(conflict(failure))) {
            em.getEntityManagerFactory().getCache().evictAll();
        }
    }

    /** Whether the chain shows a duplicate key (a primary or unique key violated). */
    static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (DUPLICATE_KEY_STATE.equals(e.getSQLState())
                            || INTEGRITY.equals(e.getSQLState()) && DUPLICATE_KEY_CODES.contains(e.getErrorCode())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The conflict an SQLState and vendor code stand for, or null. */
    static String conflict(String state, int code) {
        if (state == null) {
            return null;
        }
        if (CONFLICT_STATES.contains(state)) {
            return "SQLState " + state;
        }
        boolean byCode = state.equals(INTEGRITY) ? DUPLICATE_KEY_CODES.contains(code)
                : CODES_BY_STATE.getOrDefault(state, Set.of()).contains(code);
        return byCode ? "SQLState " + state + ", vendor code " + code : null;
    }
}
