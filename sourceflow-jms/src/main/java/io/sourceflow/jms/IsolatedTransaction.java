package io.sourceflow.jms;

import io.sourceflow.cdi.RolledBack;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/** The new transaction of an {@link IsolatedAttempt}; a bean only because the JTA interceptor applies to beans. */
@Singleton
class IsolatedTransaction {

    /**
     * Runs work in a new transaction: committed when it returns, rolled back when it throws.
     *
     * @param work the work
     * @param <T> what it returns
     * @return what it returned
     * @throws RolledBack when the work threw; the transaction is rolled back
     */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = RolledBack.class)
    public <T> T call(Supplier<T> work) throws RolledBack {
        return RolledBack.carry(work);
    }
}
