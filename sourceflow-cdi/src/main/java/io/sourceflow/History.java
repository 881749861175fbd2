package io.sourceflow;

import java.util.List;

/**
 * Reads what happened to an entity: its logged commands, in order, a page at a time. Inject it
 * anywhere:
 *
 * <pre>{@code
 * @Inject History history;
 *
 * long after = 0;
 * for (List<History.Entry> page = history.page(ref, after, 50); !page.isEmpty(); page = history.page(ref, after, 50)) {
 *     page.forEach(entry -> show(entry));
 *     after = page.get(page.size() - 1).metadata().sequenceNo();
 * }
 * }</pre>
 *
 * <p>It reads in the caller's transaction when there is one; otherwise each call reads on its own
 * (with the JPA stores, outside any JTA transaction). Commands sent to another application are in
 * that application's log, not here.
 */
public interface History {

    /**
     * A page of an entity's logged commands, in sequence order.
     *
     * @param entityType the entity's class ({@code E} of its {@code Saga<E>}), or {@code null} for the
     *     one type whose log holds the id
     * @param entity the entity
     * @param afterSequenceNo the commands numbered above this one; 0 from the first
     * @param max the most to return, at least 1
     * @return the page; empty past the end, and for an entity that has no logged command
     * @throws IllegalArgumentException when {@code afterSequenceNo} is negative or {@code max} below 1, when
     *     the class is no saga's entity type here, or, without a class, when the logs of several entity
     *     types hold the id
     */
    List<Entry> page(Class<?> entityType, EntityRef entity, long afterSequenceNo, int max);

    /**
     * A page of the logged commands of the entity with this id, of the one type whose log holds it;
     * see {@link #page(Class, EntityRef, long, int)}.
     *
     * @param entity the entity
     * @param afterSequenceNo the commands numbered above this one; 0 from the first
     * @param max the most to return, at least 1
     * @return the page; empty past the end, and for an entity that has no logged command
     * @throws IllegalArgumentException when {@code afterSequenceNo} is negative or {@code max} below 1, or
     *     when the logs of several entity types hold the id
     */
    default List<Entry> page(EntityRef entity, long afterSequenceNo, int max) {
        return page(null, entity, afterSequenceNo, max);
    }

    /**
     * A page of the ids of a type's entities that have a log, in the store's order of ids (the
     * database's collation with the JPA stores): what visits every entity of a type reads, a page at
     * a time, holding only the last id between pages.
     *
     * <pre>{@code
     * for (List<String> ids = history.entityIds(BankAccount.class, null, 500); !ids.isEmpty();
     *         ids = history.entityIds(BankAccount.class, ids.get(ids.size() - 1), 500)) {
     *     ids.forEach(id -> visit(id));
     * }
     * }</pre>
     *
     * @param entityType the entity's class ({@code E} of its {@code Saga<E>})
     * @param afterId the id after which the page starts; {@code null} for the first page
     * @param max the most ids to return, at least 1
     * @return the ids, in order; empty past the end
     * @throws IllegalArgumentException when {@code max} is below 1, or the class is no saga's entity type here
     */
    List<String> entityIds(Class<?> entityType, String afterId, int max);

    /**
     * One logged command.
     *
     * @param command the command, as it was logged
     * @param metadata its metadata, with its sequence number and when it occurred
     * @param alias its type's alias in the log (see {@link MessageType})
     */
    record Entry(Command command, Metadata metadata, String alias) {
    }
}
