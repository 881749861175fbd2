package io.sourceflow.jms;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs work in a transaction of its own: a message's last allowed attempt, so that when it fails, its
 * work is rolled back while the delivery stays healthy enough to be parked and acknowledged; a sent
 * command's status, committed before the send's own transaction.
 */
@Singleton
class IsolatedAttempt {

    /**
     * Runs the work in a new transaction: committed when it returns, rolled back when it throws.
     *
     * @param work the attempt
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void run(Runnable work) {
        work.run();
    }

    /**
     * Runs work that returns something in a new transaction: committed when it returns, rolled back
     * when it throws.
     *
     * @param work the work
     * @param <T> what it returns
     * @return what it returned
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T call(Supplier<T> work) {
        return work.get();
    }
}
