package io.sourceflow.jpa;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;
import io.sourceflow.spi.CommandStore;
import io.sourceflow.spi.MessageTypes;
import io.sourceflow.spi.SafeText;
import io.sourceflow.spi.Serializer;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The command log in {@code sourceflow_command}, in the current JTA transaction, keyed by entity
 * type, entity id and sequence number.
 *
 * <p>{@link #append} persists the command under the number after the entity's last one. The first
 * command of an entity in a transaction locks the entity (its first log row, for update, until the
 * transaction ends), so that writers of one entity wait for each other rather than fail, and then
 * reads the entity's last number (the rows after the last number this store saw committed, so
 * normally none); later commands of the entity in the same transaction follow their own claims
 * ({@link SequenceNumbers}).
 * The row is written when the persistence context is flushed, at the latest by
 * {@link FlushPerCommand} after the command was handled. The log's primary key stays the guard:
 * writers of a new entity, which has no row to lock, meet there, and the loser gets a
 * {@link io.sourceflow.ConcurrencyException}, which the bus retries. {@link #load} reads the log in pages of
 * {@value CommandPages#PAGE_SIZE} rows as plain values, so nothing accumulates in the persistence
 * context and memory stays flat however long the log is. Rows logged before entity types were are
 * adopted by the first transaction that uses the log ({@link UntypedCommands}); until then, reads
 * outside a transaction take untyped rows of the id as the asked type's.
 */
@ApplicationScoped
@Alternative
@Priority(JpaStores.PRIORITY)
public class JpaCommandStore implements CommandStore {


    @Inject
    JpaContext context;
    @Inject
    Serializer serializer;

    private final SequenceNumbers sequences = new SequenceNumbers();
    private final UntypedCommands untyped = new UntypedCommands();
    /** The named query that locks an entity on this provider, once known: {@link CommandRow#LOCK_BY_HINT} on EclipseLink. */
    private volatile String lockQuery;

    @Override
    public long append(Envelope<? extends Command> envelope) {
        Command command = envelope.message();
        String entityType = Objects.requireNonNull(envelope.metadata().entityType(), "the metadata's entity type");
        String entityId = command.entity().id();
        String entity = entityType + '\u0000' + entityId;
        EntityManager em = context.entityManager();
        TransactionSynchronizationRegistry tx = context.activeTransaction();
        boolean remembered = tx != null;
        long last = remembered ? sequences.claimedLast(tx, entity) : -1;
        if (last < 0) {
            untyped.adopt(em, tx, context.messageTypes());
            lock(em, entityType, entityId, envelope.describe());
            last = lastSequenceNo(em, entityType, entityId, sequences.committedAtLeast(entity), envelope);
        }
        long sequenceNo = last + 1;
        Metadata metadata = envelope.metadata().withSequenceNo(sequenceNo);
        if (!entityId.equals(metadata.entityId())) {
            metadata = metadata.withEntityId(entityId);
        }
        MessageTypes types = context.messageTypes();
        em.persist(new CommandRow(entityType, entityId, sequenceNo, types.aliasOf(command.getClass()),
                types.revisionOf(command.getClass()), serializer.serialize(command), serializer.serialize(metadata),
                command.entity().isNew(), OffsetDateTime.now(ZoneOffset.UTC)));
        if (remembered) {
            sequences.claimed(tx, entity, sequenceNo);
        }
        return sequenceNo;
    }

    /** The {@code occurred_on} of the entity's first row: when it was appended. */
    @Override
    public Optional<Instant> firstLoggedOn(String entityType, String entityId) {
        List<OffsetDateTime> first = context.entityManager().createNamedQuery(CommandRow.FIRST_LOGGED, OffsetDateTime.class)
                .setParameter("entityType", entityType).setParameter("entityId", entityId).getResultList();
        return first.stream().findFirst().map(OffsetDateTime::toInstant);
    }

    @Override
    public void lock(String entityType, String entityId) {
        lock(context.entityManager(), entityType, entityId, "the lock of entity '" + SafeText.forLog(entityId) + "' of type '"
                + SafeText.forLog(entityType) + "'");
    }

    @Override
    public Stream<Envelope<Command>> load(String entityType, String entityId) {
        return load(entityType, entityId, 0);
    }

    /** Reads from the first command after {@code afterSequenceNo}: the log's key is the seek. */
    @Override
    public Stream<Envelope<Command>> load(String entityType, String entityId, long afterSequenceNo) {
        EntityManager em = context.entityManager();
        StoredCommands commands = new StoredCommands(context.messageTypes(), serializer);
        CommandPages pages = new CommandPages(em, untyped.keys(context, em, entityType, entityId), entityId, commands,
                afterSequenceNo);
        return StreamSupport.stream(pages, false);
    }

    /**
     * A range of the log's primary key, grouped by id: a log whose first rows were another type's
     * before entity types were logged (so without number 1) is listed too.
     */
    @Override
    public List<String> entityIds(String entityType, String afterId, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("A page of entity ids holds at least 1, not " + max);
        }
        EntityManager em = context.entityManager();
        untyped.adoptInTransaction(context, em);
        return em.createQuery("SELECT c.entityId FROM CommandRow c WHERE c.entityType = :entityType AND c.entityId > :after"
                        + " GROUP BY c.entityId ORDER BY c.entityId", String.class)
                .setParameter("entityType", entityType).setParameter("after", afterId == null ? "" : afterId)
                .setMaxResults(max).getResultList();
    }

    /** One probe of the log's primary key, nothing decoded. */
    @Override
    public boolean holds(String entityType, String entityId, long sequenceNo) {
        EntityManager em = context.entityManager();
        return !em.createQuery("SELECT c.sequenceNo FROM CommandRow c WHERE c.entityType IN :entityTypes"
                        + " AND c.entityId = :entityId AND c.sequenceNo = :sequenceNo", Long.class)
                .setParameter("entityTypes", untyped.keys(context, em, entityType, entityId)).setParameter("entityId", entityId)
                .setParameter("sequenceNo", sequenceNo).getResultList().isEmpty();
    }


    /**
     * Waits for the entity's lock: the first row of its log, locked for update until the transaction
     * ends ({@link CommandRow#LOCK}, {@link CommandRow#LOCK_BY_HINT}; the provider writes the statement each database needs, such as
     * Derby's {@code WITH RS}, without which Derby would release the lock at once). A new entity has
     * no such row and nothing to wait for: its writers meet on the log's primary key, and the loser
     * is retried. Both queries run in the entity manager's flush mode: setting one per query makes
     * the provider copy the named query on every use (EclipseLink: several kilobytes a command),
     * and in the usual case, a transaction's first command, there is nothing to flush.
     */
    private void lock(EntityManager em, String entityType, String entityId, String what) {
        String query = lockQuery;
        if (query == null) {
            query = em.getDelegate().getClass().getName().startsWith("org.eclipse.persistence.") ? CommandRow.LOCK_BY_HINT
                    : CommandRow.LOCK;
            lockQuery = query;
        }
        try {
            em.createNamedQuery(query, Long.class).setParameter("entityType", entityType)
                    .setParameter("entityId", entityId).getResultList();
        } catch (PersistenceException e) {
            throw Failures.translate(e, what);
        }
    }

    /**
     * The entity's last sequence number in the database, 0 for none, read after its lock was taken
     * (so in a statement of its own: on PostgreSQL a statement sees what had committed when it
     * began). Only the rows after a number the log is known to hold are read
     * ({@link CommandRow#LAST_AFTER}): normally none, so the cost does not grow with the log, on
     * databases that cannot read an index backwards (Derby sorts the entity's rows for an
     * {@code ORDER BY ... DESC}) as on those that plan {@code MAX} over all of them (PostgreSQL with
     * a generic plan cached while the table was small).
     */
    private static long lastSequenceNo(EntityManager em, String entityType, String entityId, long atLeast,
            Envelope<? extends Command> envelope) {
        try {
            Long last = em.createNamedQuery(CommandRow.LAST_AFTER, Long.class).setParameter("entityType", entityType)
                    .setParameter("entityId", entityId)
                    .setParameter("after", atLeast).getSingleResult();
            return last == null ? atLeast : last;
        } catch (PersistenceException e) {
            throw Failures.translate(e, envelope.describe());
        }
    }
}
