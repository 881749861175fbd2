package io.sourceflow.cdi;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;

/**
 * Tracks the {@link Unit} of each thread. The unit begins with the outermost bus or queue call and
 * is removed from the thread when that call returns, so no state outlives a message. A
 * {@code @Singleton}: injected as itself, with no client proxy on the per-message path.
 */
@Singleton
public class Units {

    private final ThreadLocal<Unit> units = new ThreadLocal<>();

    @Inject
    @Any
    Instance<TransactionSynchronizationRegistry> transactions;

    /** The container's JTA, looked up on first need; empty without one (and in plain unit tests). */
    private volatile Optional<TransactionSynchronizationRegistry> jta;

    /** The current thread's unit, or null when the thread is not processing a message. */
    Unit current() {
        return units.get();
    }

    /** Enters the current thread's unit, beginning one when there is none; pair with {@link #end}. */
    Unit begin() {
        Unit unit = units.get();
        if (unit == null) {
            unit = new Unit();
            units.set(unit);
        }
        unit.enter();
        return unit;
    }

    /** Leaves the unit; the outermost call ends it, keeping or undoing its in-memory writes. */
    void end(Unit unit, boolean succeeded) {
        if (unit.exit()) {
            units.remove();
            unit.finish(succeeded);
        }
    }

    /**
     * Registers the undo of an in-memory write made by a store: it runs when the thread's unit of
     * work fails or, outside one (a transport recording a received message before the bus starts
     * its unit), when the caller's JTA transaction does not commit. Without either, the write stays.
     */
    void undoOnFailure(Runnable undo) {
        Unit unit = units.get();
        if (unit != null) {
            unit.onRollback(undo);
            return;
        }
        TransactionSynchronizationRegistry registry = jta().orElse(null);
        if (Jta.active(registry)) {
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // the undo depends on the outcome only
                }

                @Override
                public void afterCompletion(int status) {
                    if (status != Status.STATUS_COMMITTED) {
                        undo.run();
                    }
                }
            });
        }
    }

    private Optional<TransactionSynchronizationRegistry> jta() {
        Optional<TransactionSynchronizationRegistry> found = jta;
        if (found == null) {
            found = transactions == null ? Optional.empty() : Optional.ofNullable(Jta.registry(transactions));
            jta = found;
        }
        return found;
    }
}
