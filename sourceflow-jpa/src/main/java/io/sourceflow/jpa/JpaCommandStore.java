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
import jakarta.persistence.PersistenceException;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The command log in {@code sourceflow_command}, in the current JTA transaction.
 *
 * <p>{@link #append} reads the entity's highest sequence number (one indexed query; rows this
 * transaction wrote are flushed first) and persists the command under the next one. The row is
 * written when the persistence context is flushed, at the latest by {@link FlushPerCommand} after
 * the command was handled: a second writer of the same number then fails on the primary key and
 * gets a {@link io.sourceflow.ConcurrencyException}. {@link #load} reads the log in pages of
 * {@value CommandPages#PAGE_SIZE} rows as plain values, so nothing accumulates in the persistence
 * context and memory stays flat however long the log is.
 */
@ApplicationScoped
@Alternative
@Priority(JpaStores.PRIORITY)
public class JpaCommandStore implements CommandStore {

    @Inject
    JpaContext context;
    /** Looked up on first use: the registry's producer lives on the runtime bean, which creates the stores. */
    @Inject
    Instance<MessageTypes> typeRegistry;
    @Inject
    Serializer serializer;

    private volatile MessageTypes types;

    @Override
    public long append(Envelope<? extends Command> envelope) {
        Command command = envelope.message();
        String entityId = command.entity().id();
        EntityManager em = context.entityManager();
        long sequenceNo = lastSequenceNo(em, entityId, envelope) + 1;
        Metadata metadata = envelope.metadata().withSequenceNo(sequenceNo);
        if (!entityId.equals(metadata.entityId())) {
            metadata = metadata.withEntityId(entityId);
        }
        em.persist(new CommandRow(entityId, sequenceNo, types().aliasOf(command.getClass()),
                serializer.serialize(command), serializer.serialize(metadata), command.entity().isNew(),
                metadata.occurredOn().atOffset(ZoneOffset.UTC)));
        return sequenceNo;
    }

    @Override
    public Stream<Envelope<Command>> load(String entityId) {
        CommandPages pages = new CommandPages(context.entityManager(), entityId, new StoredCommands(types(), serializer));
        return StreamSupport.stream(pages, false);
    }

    private MessageTypes types() {
        MessageTypes known = types;
        if (known == null) {
            known = typeRegistry.get();
            types = known;
        }
        return known;
    }

    private static long lastSequenceNo(EntityManager em, String entityId, Envelope<? extends Command> envelope) {
        try {
            Long last = em.createQuery("SELECT MAX(c.sequenceNo) FROM CommandRow c WHERE c.entityId = :entityId",
                    Long.class).setParameter("entityId", entityId).getSingleResult();
            return last == null ? 0 : last;
        } catch (PersistenceException e) {
            throw Failures.translate(e, envelope.describe());
        }
    }
}
