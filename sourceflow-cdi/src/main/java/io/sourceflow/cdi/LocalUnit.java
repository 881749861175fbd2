package io.sourceflow.cdi;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;

/**
 * What the in-memory stores must do when a transaction ends: undo their writes unless it commits,
 * and release the entity locks they hold either way, last first. Registered with the JTA
 * transaction when there is one; otherwise ended by {@link UnitOfWork#run} around the bus's work.
 */
final class LocalUnit implements Synchronization {

    /** Undo actions (run only when the unit fails) and held locks (always released), in order. */
    private final List<Object> endings = new ArrayList<>(6);

    void onRollback(Runnable undo) {
        endings.add(undo);
    }

    void hold(Lock lock) {
        endings.add(lock);
    }

    @Override
    public void beforeCompletion() {
        // the stores act on the outcome only
    }

    @Override
    public void afterCompletion(int status) {
        finish(status == Status.STATUS_COMMITTED);
    }

    /** Ends the unit: undoes its writes unless it succeeded, then releases its locks. */
    void finish(boolean succeeded) {
        RuntimeException failure = null;
        for (int i = endings.size() - 1; i >= 0; i--) {
            Object ending = endings.get(i);
            try {
                if (ending instanceof Lock lock) {
                    lock.unlock();
                } else if (!succeeded) {
                    ((Runnable) ending).run();
                }
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        endings.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
