package io.sourceflow.jpa;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;
import io.sourceflow.spi.CommandStore;
import io.sourceflow.spi.MessageTypes;
import io.sourceflow.spi.Serializer;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The command log in {@code sourceflow_command}, in the current JTA transaction.
 *
 * <p>{@link #append} persists the command under the number after the entity's last one. That
 * number comes from the transaction's own earlier commands, else from the numbers committed
 * transactions left behind ({@link SequenceNumbers}), else from the database (one query that
 * reads the last index entry of the entity). The row is written when the persistence context is
 * flushed, at the latest by {@link FlushPerCommand} after the command was handled: a second writer
 * of the same number, or a writer whose remembered number was out of date, then fails on the
 * primary key and gets a {@link io.sourceflow.ConcurrencyException}; the failed transaction's
 * numbers are forgotten, so a retry asks the database. {@link #load} reads the log in pages of
 * {@value CommandPages#PAGE_SIZE} rows as plain values, so nothing accumulates in the persistence
 * context and memory stays flat however long the log is.
 */
@ApplicationScoped
@Alternative
@Priority(JpaStores.PRIORITY)
public class JpaCommandStore implements CommandStore {

    /** Where the transaction synchronization registry is, when it is not a CDI bean. */
    static final String REGISTRY_JNDI_NAME = "java:comp/TransactionSynchronizationRegistry";
    private static final Logger LOG = Logger.getLogger(JpaCommandStore.class.getName());

    @Inject
    JpaContext context;
    /** Looked up on first use: the registry's producer lives on the runtime bean, which creates the stores. */
    @Inject
    Instance<MessageTypes> typeRegistry;
    @Inject
    Serializer serializer;
    /** Looked up on first use, like {@link #typeRegistry}; JNDI when it is no bean. */
    @Inject
    Instance<TransactionSynchronizationRegistry> transactionRegistry;

    private final SequenceNumbers sequences = new SequenceNumbers();
    private volatile MessageTypes types;
    private volatile Optional<TransactionSynchronizationRegistry> transactions;

    @Override
    public long append(Envelope<? extends Command> envelope) {
        Command command = envelope.message();
        String entityId = command.entity().id();
        EntityManager em = context.entityManager();
        TransactionSynchronizationRegistry tx = transactions().orElse(null);
        boolean remembered = tx != null && tx.getTransactionStatus() == Status.STATUS_ACTIVE;
        long sequenceNo = 1 + (remembered
                // the transaction's own rows are known to it: no need to flush them first
                ? sequences.last(tx, entityId, id -> lastSequenceNo(em, id, envelope, FlushModeType.COMMIT))
                : lastSequenceNo(em, entityId, envelope, FlushModeType.AUTO));
        Metadata metadata = envelope.metadata().withSequenceNo(sequenceNo);
        if (!entityId.equals(metadata.entityId())) {
            metadata = metadata.withEntityId(entityId);
        }
        em.persist(new CommandRow(entityId, sequenceNo, types().aliasOf(command.getClass()),
                serializer.serialize(command), serializer.serialize(metadata), command.entity().isNew(),
                metadata.occurredOn().atOffset(ZoneOffset.UTC)));
        if (remembered) {
            sequences.claimed(tx, entityId, sequenceNo);
        }
        return sequenceNo;
    }

    @Override
    public Stream<Envelope<Command>> load(String entityId) {
        return load(entityId, 0);
    }

    /** Reads from the first command after {@code afterSequenceNo}: the log's key is the seek. */
    @Override
    public Stream<Envelope<Command>> load(String entityId, long afterSequenceNo) {
        CommandPages pages = new CommandPages(context.entityManager(), entityId, new StoredCommands(types(), serializer),
                afterSequenceNo);
        return StreamSupport.stream(pages, false);
    }

    /** One probe of the log's primary key, nothing decoded. */
    @Override
    public boolean holds(String entityId, long sequenceNo) {
        return !context.entityManager().createQuery("SELECT c.sequenceNo FROM CommandRow c WHERE c.entityId = :entityId"
                        + " AND c.sequenceNo = :sequenceNo", Long.class)
                .setParameter("entityId", entityId).setParameter("sequenceNo", sequenceNo).getResultList().isEmpty();
    }

    private MessageTypes types() {
        MessageTypes known = types;
        if (known == null) {
            known = typeRegistry.get();
            types = known;
        }
        return known;
    }

    /** The numbers remembered for entities, for tests. */
    SequenceNumbers sequences() {
        return sequences;
    }

    private Optional<TransactionSynchronizationRegistry> transactions() {
        Optional<TransactionSynchronizationRegistry> known = transactions;
        if (known == null) {
            known = Optional.ofNullable(findRegistry());
            transactions = known;
        }
        return known;
    }

    private TransactionSynchronizationRegistry findRegistry() {
        if (transactionRegistry.isResolvable()) {
            return transactionRegistry.get();
        }
        try {
            return (TransactionSynchronizationRegistry) new InitialContext().lookup(REGISTRY_JNDI_NAME);
        } catch (NamingException | RuntimeException none) {
            LOG.log(Level.INFO, "No TransactionSynchronizationRegistry (CDI bean or " + REGISTRY_JNDI_NAME
                    + "): every append reads the entity's last sequence number from the database", none);
            return null;
        }
    }

    /**
     * The entity's last sequence number in the database, 0 for none. Ordered and limited rather
     * than {@code MAX}: PostgreSQL plans {@code MAX} by statistics, and a plan cached while the
     * table was small reads every row of the entity (measured: 0.1 ms growing to 1.2 ms over 4,000
     * commands of one entity); the last entry of the primary-key index is one probe on any plan.
     */
    private static long lastSequenceNo(EntityManager em, String entityId, Envelope<? extends Command> envelope,
            FlushModeType flush) {
        try {
            List<Long> last = em.createQuery("SELECT c.sequenceNo FROM CommandRow c WHERE c.entityId = :entityId"
                    + " ORDER BY c.sequenceNo DESC", Long.class).setParameter("entityId", entityId)
                    .setFlushMode(flush).setMaxResults(1).getResultList();
            return last.isEmpty() ? 0 : last.get(0);
        } catch (PersistenceException e) {
            throw Failures.translate(e, envelope.describe());
        }
    }
}
