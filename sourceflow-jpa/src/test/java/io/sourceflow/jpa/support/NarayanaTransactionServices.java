package io.sourceflow.jpa.support;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import org.jboss.weld.transaction.spi.TransactionServices;

/**
 * Tells Weld SE about Narayana's transactions, as an application server tells its Weld: observers of a
 * transaction phase ({@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}) are then notified
 * when the transaction completes, not at once.
 */
public final class NarayanaTransactionServices implements TransactionServices {

    private final TransactionSynchronizationRegistry registry =
            new com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple();

    @Override
    public void registerSynchronization(Synchronization synchronization) {
        registry.registerInterposedSynchronization(synchronization);
    }

    @Override
    public boolean isTransactionActive() {
        int status = registry.getTransactionStatus();
        return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
    }

    @Override
    public UserTransaction getUserTransaction() {
        return com.arjuna.ats.jta.UserTransaction.userTransaction();
    }

    @Override
    public void cleanup() {
        // nothing held
    }
}
