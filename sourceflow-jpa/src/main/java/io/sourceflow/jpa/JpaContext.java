package io.sourceflow.jpa;

import io.sourceflow.spi.MessageTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The container-managed, transaction-scoped {@link EntityManager} every SourceFlow JPA bean uses.
 * It is the persistence context named {@value #REFERENCE_NAME}; without a deployment descriptor it
 * belongs to the module's only persistence unit (see the package documentation).
 */
@ApplicationScoped
public class JpaContext {

    /** The name of the persistence-context reference, to map it to a unit in {@code web.xml}. */
    public static final String REFERENCE_NAME = "sourceflow/entity-manager";

    /** Where the transaction synchronization registry is, when it is not a CDI bean. */
    static final String REGISTRY_JNDI_NAME = "java:comp/TransactionSynchronizationRegistry";
    private static final Logger LOG = Logger.getLogger(JpaContext.class.getName());

    @PersistenceContext(name = REFERENCE_NAME)
    EntityManager entityManager;
    /** Looked up on first use; JNDI when it is no bean. */
    @Inject
    Instance<TransactionSynchronizationRegistry> transactionRegistry;
    /** Looked up on first use: the registry's producer lives on the runtime bean, which creates the stores. */
    @Inject
    Instance<MessageTypes> typeRegistry;

    private volatile Optional<TransactionSynchronizationRegistry> transactions;
    private volatile MessageTypes types;

    /**
     * The entity manager of the current JTA transaction.
     *
     * @return the container's entity manager proxy
     */
    public EntityManager entityManager() {
        return entityManager;
    }

    /**
     * The deployment's message and document types, with their upcasters.
     *
     * @return the registry
     */
    MessageTypes messageTypes() {
        MessageTypes known = types;
        if (known == null) {
            known = typeRegistry.get();
            types = known;
        }
        return known;
    }

    /**
     * The transaction synchronization registry, for what the stores keep per transaction.
     *
     * @return the registry, empty when there is none (outside a server, without Narayana's CDI support)
     */
    Optional<TransactionSynchronizationRegistry> transactions() {
        Optional<TransactionSynchronizationRegistry> known = transactions;
        if (known == null) {
            known = Optional.ofNullable(findRegistry());
            transactions = known;
        }
        return known;
    }

    /**
     * The registry, when a transaction is active.
     *
     * @return the registry, or null without an active transaction or a registry
     */
    TransactionSynchronizationRegistry activeTransaction() {
        TransactionSynchronizationRegistry tx = transactions().orElse(null);
        return tx != null && tx.getTransactionStatus() == Status.STATUS_ACTIVE ? tx : null;
    }

    private TransactionSynchronizationRegistry findRegistry() {
        if (transactionRegistry.isResolvable()) {
            return transactionRegistry.get();
        }
        try {
            return (TransactionSynchronizationRegistry) new InitialContext().lookup(REGISTRY_JNDI_NAME);
        } catch (NamingException | RuntimeException none) {
            LOG.log(Level.INFO, "No TransactionSynchronizationRegistry (CDI bean or " + REGISTRY_JNDI_NAME
                    + "): the stores keep nothing per transaction", none);
            return null;
        }
    }
}
