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
     * @param entity the entity
     * @param afterSequenceNo the commands numbered above this one; 0 from the first
     * @param max the most to return, at least 1
     * @return the page; empty past the end, and for an entity that has no logged command
     * @throws IllegalArgumentException when {@code afterSequenceNo} is negative or {@code max} below 1
     */
    List<Entry> page(EntityRef entity, long afterSequenceNo, int max);

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
