package io.sourceflow.jms;

import io.sourceflow.SourceFlowException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Whether a failure may pass by itself: the database or the broker unreachable or restarting, a
 * lock or serialization conflict. Such a failure is never a reason to park a message. Recognised in
 * the whole cause chain (and each {@link SQLException#getNextException()} chain): a transient
 * {@link SourceFlowException} (a concurrency conflict, the messaging system unavailable), JDBC's
 * {@link SQLTransientException} and {@link SQLRecoverableException}, a {@link SocketException}, and
 * the SQLStates of a lost or refused connection (class 08), insufficient resources (class 53), a
 * server shutting down or starting (PostgreSQL 57P01, 57P02, 57P03), a serialization failure or
 * deadlock (40001, 40P01), a lock not available (55P03) and timeouts (HYT00, HYT01).
 */
final class Transience {

    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01", "55P03", "HYT00", "HYT01");

    private Transience() {
    }

    static boolean isTransient(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SourceFlowException e && e.isTransient()
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SocketException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (isTransientState(e.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static boolean isTransientState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || STATES.contains(state));
    }
}
