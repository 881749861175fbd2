package io.sourceflow.cdi;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

/**
 * The transaction the in-memory stores follow. With JTA it is the caller's JTA transaction: the
 * stores' undo actions and locks hang on one {@link LocalUnit} registered with it. Without JTA (plain
 * Weld SE), the bus's outermost call runs in a {@link LocalUnit} of its own that ends with the call.
 * That unit is bound to the thread for the same reason a JTA transaction is: the store SPI takes no
 * transaction parameter. A {@code @Singleton}, injected as itself, with no client proxy.
 */
@Singleton
public class UnitOfWork {

    private final ThreadLocal<LocalUnit> local = new ThreadLocal<>();
    private final Object resourceKey = new Object();
    private final Object aloneKey = new Object();

    @Inject
    @Any
    Instance<TransactionSynchronizationRegistry> transactions;

    /** The container's JTA, looked up on first need; empty without one. */
    private volatile Optional<TransactionSynchronizationRegistry> jta;

    /**
     * Runs work in the current transaction: the caller's JTA transaction or local unit when there is
     * one, otherwise a new local unit that keeps the work's in-memory writes only when it returns.
     */
    <T> T run(Supplier<T> work) {
        if (active()) {
            return work.get();
        }
        LocalUnit unit = new LocalUnit();
        local.set(unit);
        boolean succeeded = false;
        try {
            T result = work.get();
            succeeded = true;
            return result;
        } finally {
            local.set(null);
            unit.finish(succeeded);
        }
    }

    /** Whether the thread runs in a JTA transaction or a local unit (the caller owns the transaction). */
    boolean active() {
        return local.get() != null || Jta.active(registry());
    }

    /**
     * Whether the thread runs in a JTA transaction: an MDB with container-managed transactions, a
     * {@code @Transactional} method; not an MDB whose container acknowledges after {@code onMessage}
     * (transaction attribute {@code NOT_SUPPORTED}).
     *
     * @return {@code true} when a JTA transaction is active on this thread
     */
    public boolean inJtaTransaction() {
        return Jta.active(registry());
    }

    /**
     * Whether the current JTA transaction was begun by the bus for one publish from a caller that had
     * none: nothing but that command's own work is in it, so a dispatcher that only sends the command
     * may keep its bookkeeping out of it (and the send commits in one phase, with the broker alone).
     *
     * @return {@code false} in a caller's transaction, a handler's, or without JTA
     */
    public boolean publishAlone() {
        return bound(aloneKey) != null;
    }

    /**
     * Binds a value to the current JTA transaction, for as long as it lasts.
     *
     * @param key the key (an object of the caller's own)
     * @param value the value
     * @return {@code false} without an active JTA transaction (nothing bound)
     */
    public boolean bind(Object key, Object value) {
        TransactionSynchronizationRegistry registry = takingWork();
        if (registry == null) {
            return false;
        }
        registry.putResource(key, value);
        return true;
    }

    /**
     * The value bound to the current JTA transaction under a key, while that transaction is active.
     *
     * @param key the key
     * @return the value, or {@code null} (none bound, no transaction, or one that is completing)
     */
    public Object bound(Object key) {
        TransactionSynchronizationRegistry registry = takingWork();
        return registry == null ? null : registry.getResource(key);
    }

    /** The registry while the thread's JTA transaction is active (not completing); else {@code null}. */
    private TransactionSynchronizationRegistry takingWork() {
        TransactionSynchronizationRegistry registry = registry();
        return registry != null && registry.getTransactionStatus() == Status.STATUS_ACTIVE ? registry : null;
    }

    /** Marks the current JTA transaction as one the bus began for one publish (see {@link #publishAlone()}). */
    void beganForPublish() {
        bind(aloneKey, Boolean.TRUE);
    }

    /**
     * Marks the caller's JTA transaction for rollback, so that it ends without its work and without
     * an exception reaching its owner (an MDB's container then has the message delivered again).
     *
     * @return {@code false} when the thread has no JTA transaction to mark
     */
    public boolean rollbackOnly() {
        TransactionSynchronizationRegistry registry = registry();
        if (!Jta.active(registry)) {
            return false;
        }
        registry.setRollbackOnly();
        return true;
    }

    /** Runs the undo when the current transaction does not commit; without one, the write simply stays. */
    void undoOnRollback(Runnable undo) {
        LocalUnit unit = current();
        if (unit != null) {
            unit.onRollback(undo);
        }
    }

    /**
     * Keeps a lock the caller holds until the current transaction ends.
     *
     * @return false when there is no transaction, and the caller must release the lock itself
     */
    boolean holdUntilEnd(Lock lock) {
        LocalUnit unit = current();
        if (unit == null) {
            return false;
        }
        unit.hold(lock);
        return true;
    }

    private LocalUnit current() {
        LocalUnit unit = local.get();
        if (unit != null) {
            return unit;
        }
        TransactionSynchronizationRegistry registry = registry();
        if (!Jta.active(registry)) {
            return null;
        }
        unit = (LocalUnit) registry.getResource(resourceKey);
        if (unit == null) {
            unit = new LocalUnit();
            registry.putResource(resourceKey, unit);
            registry.registerInterposedSynchronization(unit);
        }
        return unit;
    }

    private TransactionSynchronizationRegistry registry() {
        Optional<TransactionSynchronizationRegistry> found = jta;
        if (found == null) {
            found = transactions == null ? Optional.empty() : Optional.ofNullable(Jta.registry(transactions));
            jta = found;
        }
        return found.orElse(null);
    }
}
