package io.sourceflow.jpa;

import io.sourceflow.Command;
import io.sourceflow.ConcurrencyException;
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
 * {@link io.sourceflow.ConcurrencyException}, which the bus retries. On PostgreSQL the first command
 * of an entity in a transaction takes the lock and writes its row in one statement instead
 * ({@link PostgresClaims}): an advisory lock keyed by the entity, which new entities have too, and
 * the number after the last one this store saw committed, or, when that is taken, after the last one
 * the log holds. {@link #load} reads the log in pages of
 * {@value CommandPages#PAGE_SIZE} rows as plain values, so nothing accumulates in the persistence
 * context and memory stays flat however long the log is. Rows logged before entity types were are
 * adopted by the first transaction that uses the log ({@link UntypedCommands}); until then, reads
 * outside a transaction take untyped rows of the id as the asked type's.
 */
@ApplicationScoped
@Alternative
@Priority(JpaStores.PRIORITY)
public class JpaCommandStore implements CommandStore {

    /** How often a PostgreSQL claim is tried under the entity's lock before it is a conflict. */
    static final int CLAIM_ATTEMPTS = 3;

    @Inject
    JpaContext context;
    @Inject
    Serializer serializer;

    private final SequenceNumbers sequences = new SequenceNumbers();
    private final UntypedCommands untyped = new UntypedCommands();
    /** How to lock and claim on this provider and database, once known. */
    private volatile LogDialect dialect;

    @Override
    public long append(Envelope<? extends Command> envelope) {
        String entityType = Objects.requireNonNull(envelope.metadata().entityType(), "the metadata's entity type");
        String entityId = envelope.message().entity().id();
        String entity = entityType + '\u0000' + entityId;
        EntityManager em = context.entityManager();
        TransactionSynchronizationRegistry tx = context.activeTransaction();
        long last = tx != null ? sequences.claimedLast(tx, entity) : -1;
        long sequenceNo;
        if (last >= 0) {
            sequenceNo = last + 1;
            em.persist(row(envelope, entityType, entityId, sequenceNo));
        } else {
            untyped.adopt(em, tx, context.messageTypes());
            LogDialect dialect = dialect(em, tx);
            if (dialect.postgres()) {
                sequenceNo = claim(em, envelope, entityType, entityId, sequences.committedAtLeast(entity) + 1);
            } else {
                lock(em, dialect, entityType, entityId, envelope.describe());
                sequenceNo = lastSequenceNo(em, entityType, entityId, sequences.committedAtLeast(entity), envelope) + 1;
                em.persist(row(envelope, entityType, entityId, sequenceNo));
            }
        }
        if (tx != null) {
            sequences.claimed(tx, entity, sequenceNo);
        }
        return sequenceNo;
    }

    /**
     * Claims the entity's next number on PostgreSQL ({@link PostgresClaims}): the expected one, else,
     * under the entity's lock the claim took, the one after the last number the log holds. A number
     * taken again under the lock means a writer that does not take it (a server of an older version
     * during an upgrade): after a few tries that is a conflict, which the bus retries.
     */
    private long claim(EntityManager em, Envelope<? extends Command> envelope, String entityType, String entityId,
            long expected) {
        long next = expected;
        try {
            for (int attempt = 1; !PostgresClaims.claim(em, row(envelope, entityType, entityId, next)); attempt++) {
                if (attempt == CLAIM_ATTEMPTS) {
                    throw new ConcurrencyException("Sequence number " + next + " of entity '" + SafeText.forLog(entityId)
                            + "' of type '" + SafeText.forLog(entityType) + "' was taken " + CLAIM_ATTEMPTS
                            + " times while its lock was held, for " + envelope.describe());
                }
                next = lastSequenceNo(em, entityType, entityId, next, envelope) + 1;
            }
            return next;
        } catch (PersistenceException e) {
            throw Failures.translate(e, envelope.describe());
        }
    }

    /** The log row of the command under a number; its metadata carries the number (and the entity's id). */
    CommandRow row(Envelope<? extends Command> envelope, String entityType, String entityId, long sequenceNo) {
        Command command = envelope.message();
        Metadata metadata = envelope.metadata().withSequenceNo(sequenceNo);
        if (!entityId.equals(metadata.entityId())) {
            metadata = metadata.withEntityId(entityId);
        }
        MessageTypes types = context.messageTypes();
        return new CommandRow(entityType, entityId, sequenceNo, types.aliasOf(command.getClass()),
                types.revisionOf(command.getClass()), serializer.serialize(command), serializer.serialize(metadata),
                command.entity().isNew(), OffsetDateTime.now(ZoneOffset.UTC));
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
        EntityManager em = context.entityManager();
        lock(em, dialect(em, context.activeTransaction()), entityType, entityId, "the lock of entity '"
                + SafeText.forLog(entityId) + "' of type '" + SafeText.forLog(entityType) + "'");
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
     * Waits for the entity's lock, held until the transaction ends. On PostgreSQL the advisory lock
     * its claims take ({@link PostgresClaims#lock}); elsewhere the first row of its log, for update
     * ({@link CommandRow#LOCK}, {@link CommandRow#LOCK_BY_HINT}; the provider writes the statement each
     * database needs, such as Derby's {@code WITH RS}, without which Derby would release the lock at
     * once). A new entity has no such row and nothing to wait for: its writers meet on the log's
     * primary key, and the loser is retried. Both queries run in the entity manager's flush mode:
     * setting one per query makes the provider copy the named query on every use (EclipseLink:
     * several kilobytes a command), and in the usual case, a transaction's first command, there is
     * nothing to flush.
     */
    private static void lock(EntityManager em, LogDialect dialect, String entityType, String entityId, String what) {
        try {
            if (dialect.postgres()) {
                PostgresClaims.lock(em, entityType, entityId);
            } else {
                em.createNamedQuery(dialect.lockQuery(), Long.class).setParameter("entityType", entityType)
                        .setParameter("entityId", entityId).getResultList();
            }
        } catch (PersistenceException e) {
            throw Failures.translate(e, what);
        }
    }

    /**
     * The provider's and database's ways, found out in the first transaction ({@link LogDialect});
     * outside one only the provider is known, and the log is not written there.
     */
    private LogDialect dialect(EntityManager em, TransactionSynchronizationRegistry tx) {
        LogDialect known = dialect;
        if (known == null) {
            if (tx == null) {
                return LogDialect.outsideTransaction(em);
            }
            known = LogDialect.of(em);
            dialect = known;
        }
        return known;
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
