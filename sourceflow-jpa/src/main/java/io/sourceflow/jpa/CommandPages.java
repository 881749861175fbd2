package io.sourceflow.jpa;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;

/**
 * Reads one entity's log in pages, by key (sequence numbers after the last one read), as scalar
 * rows that never enter the persistence context; each row becomes an envelope only when consumed.
 */
final class CommandPages extends Spliterators.AbstractSpliterator<Envelope<Command>> {

    static final int PAGE_SIZE = 500;

    private final EntityManager em;
    private final List<String> entityTypes;
    private final String entityId;
    private final StoredCommands commands;
    private Iterator<Object[]> page = List.<Object[]>of().iterator();
    private long lastRead;
    private boolean exhausted;

    /**
     * @param entityTypes the entity's type, first, and, while untyped rows may remain, the empty type
     *     (rows read as the first type's)
     */
    CommandPages(EntityManager em, List<String> entityTypes, String entityId, StoredCommands commands, long afterSequenceNo) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE);
        this.em = em;
        this.entityTypes = entityTypes;
        this.entityId = entityId;
        this.commands = commands;
        this.lastRead = afterSequenceNo;
    }

    @Override
    public boolean tryAdvance(Consumer<? super Envelope<Command>> action) {
        if (!page.hasNext() && !exhausted) {
            List<Object[]> rows = nextPage();
            exhausted = rows.size() < PAGE_SIZE;
            page = rows.iterator();
        }
        if (!page.hasNext()) {
            return false;
        }
        Object[] row = page.next();
        lastRead = (Long) row[0];
        action.accept(commands.read(entityTypes.get(0), entityId, lastRead, (String) row[1], (Integer) row[2], (String) row[3],
                (String) row[4]));
        return true;
    }

    /** The next page; a conflict of the writes the query flushes first becomes a {@link io.sourceflow.ConcurrencyException}. */
    private List<Object[]> nextPage() {
        try {
            return query();
        } catch (PersistenceException e) {
            Failures.forgetStaleRows(em, e);
            throw Failures.translate(e, "the writes flushed before a page of entity '" + entityId + "''s log");
        }
    }

    private List<Object[]> query() {
        return em.createQuery("SELECT c.sequenceNo, c.typeAlias, c.typeRevision, c.payload, c.metadata FROM CommandRow c"
                        + " WHERE c.entityType IN :entityTypes AND c.entityId = :entityId AND c.sequenceNo > :after"
                        + " ORDER BY c.sequenceNo", Object[].class)
                .setParameter("entityTypes", entityTypes)
                .setParameter("entityId", entityId)
                .setParameter("after", lastRead)
                .setMaxResults(PAGE_SIZE)
                .getResultList();
    }
}
