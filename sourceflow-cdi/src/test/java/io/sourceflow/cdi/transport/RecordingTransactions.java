package io.sourceflow.cdi.transport;

import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A transaction synchronization registry for one test thread: a transaction is begun and completed
 * by the test, and the interposed synchronizations are told the outcome, as a JTA container does;
 * resources belong to one transaction.
 */
@Singleton
public class RecordingTransactions implements TransactionSynchronizationRegistry {

    private final List<Synchronization> synchronizations = new ArrayList<>();
    private final Map<Object, Object> resources = new HashMap<>();
    private int status = Status.STATUS_NO_TRANSACTION;

    /** Begins a transaction on the test thread. */
    public void begin() {
        status = Status.STATUS_ACTIVE;
    }

    /**
     * Completes the transaction with an outcome.
     *
     * @param outcome {@link Status#STATUS_COMMITTED} or {@link Status#STATUS_ROLLEDBACK}
     */
    public void complete(int outcome) {
        synchronizations.forEach(Synchronization::beforeCompletion);
        status = outcome;
        synchronizations.forEach(s -> s.afterCompletion(outcome));
        synchronizations.clear();
        resources.clear();
        status = Status.STATUS_NO_TRANSACTION;
    }

    /** @return how many synchronizations are registered with the current transaction */
    public int registered() {
        return synchronizations.size();
    }

    @Override
    public Object getTransactionKey() {
        return status == Status.STATUS_NO_TRANSACTION ? null : this;
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
        if (status != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("no active transaction");
        }
        synchronizations.add(sync);
    }

    @Override
    public int getTransactionStatus() {
        return status;
    }

    @Override
    public void setRollbackOnly() {
        status = Status.STATUS_MARKED_ROLLBACK;
    }

    @Override
    public boolean getRollbackOnly() {
        return status == Status.STATUS_MARKED_ROLLBACK;
    }
}
