package io.sourceflow.jms;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/**
 * Runs a message's last allowed attempt in a transaction of its own, so that when it fails, its
 * work is rolled back while the delivery's transaction stays healthy enough to park the message
 * and acknowledge it.
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
}
