package io.sourceflow.cdi;

import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** Finds the container's JTA, if any: a CDI bean first, then the standard JNDI name. */
final class Jta {

    static final String REGISTRY_JNDI_NAME = "java:comp/TransactionSynchronizationRegistry";
    private static final Logger LOG = Logger.getLogger(Jta.class.getName());

    private Jta() {
    }

    /** The transaction synchronization registry, or null when there is no JTA. */
    static TransactionSynchronizationRegistry registry(Instance<TransactionSynchronizationRegistry> beans) {
        if (beans.isResolvable()) {
            return beans.get();
        }
        try {
            return (TransactionSynchronizationRegistry) new InitialContext().lookup(REGISTRY_JNDI_NAME);
        } catch (NamingException | RuntimeException noJta) {
            LOG.log(Level.FINE, "No JTA found at " + REGISTRY_JNDI_NAME + "; the bus makes plain calls", noJta);
            return null;
        }
    }

    /** Whether the current thread has a JTA transaction. */
    static boolean active(TransactionSynchronizationRegistry registry) {
        if (registry == null) {
            return false;
        }
        // a transaction that can still take work: not one that is completing (an after-completion
        // callback runs with its transaction committed or rolled back)
        int status = registry.getTransactionStatus();
        return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
    }
}
