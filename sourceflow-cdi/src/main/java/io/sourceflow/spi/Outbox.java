package io.sourceflow.spi;

import java.time.Instant;
import java.util.List;

/**
 * The messages a unit of work sends, kept in the same database transaction as the work and handed
 * to the transport once it committed: what the work sends exists exactly when the work committed,
 * with no two-phase commit between the database and the broker. A transport sends what is kept for
 * a cause, then removes it; after a crash in between it sends again what is still kept (receivers
 * skip a message they processed before, by its message id).
 */
public interface Outbox {

    /**
     * Keeps a message, in the current unit of work.
     *
     * @param message the message
     */
    void keep(OutboxMessage message);

    /**
     * The messages kept for a cause, in the order of their positions, in the current unit of work.
     *
     * @param cause the id of the message whose handling sent them
     * @return the messages, possibly none
     */
    List<OutboxMessage> kept(String cause);

    /**
     * Removes a message once the transport took it, in the current unit of work.
     *
     * @param message the message
     * @return {@code false} when it was no longer kept (another sender removed it first)
     */
    boolean remove(OutboxMessage message);

    /**
     * The causes of the messages kept since before a time, oldest first: what a crash or an outage
     * left unsent, for a sweep or an operator.
     *
     * @param keptBefore messages kept before this instant count
     * @param max the most causes returned
     * @return the causes
     */
    List<String> causes(Instant keptBefore, int max);
}
