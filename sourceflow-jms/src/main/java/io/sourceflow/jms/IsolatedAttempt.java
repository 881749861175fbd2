package io.sourceflow.jms;

import io.sourceflow.cdi.RolledBack;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.function.Supplier;

/**
 * Runs work in a transaction of its own: a message's last allowed attempt, so that when it fails, its
 * work is rolled back while the delivery stays healthy enough to be parked and acknowledged; a sent
 * command's status, committed before the send's own transaction. A failure is thrown on as the work
 * threw it, without the container reporting it on its way out of the transaction ({@link RolledBack}):
 * a rejected command is an outcome, not a server failure.
 */
@Singleton
class IsolatedAttempt {

    @Inject
    IsolatedTransaction transaction;

    /**
     * Runs the work in a new transaction: committed when it returns, rolled back when it throws.
     *
     * @param work the attempt
     */
    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs work that returns something in a new transaction: committed when it returns, rolled back
     * when it throws.
     *
     * @param work the work
     * @param <T> what it returns
     * @return what it returned
     */
    public <T> T call(Supplier<T> work) {
        return RolledBack.thrownOn(() -> transaction.call(work));
    }
}
