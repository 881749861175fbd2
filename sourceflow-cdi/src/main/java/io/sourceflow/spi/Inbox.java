package io.sourceflow.spi;

import java.util.UUID;

/**
 * The messages each consumer has processed, recorded in the transaction that processed them, so
 * that a redelivered message is recognised and skipped: receiving becomes exactly-once in effect.
 */
public interface Inbox {

    /**
     * Records that a consumer processed a message, in the current unit of work.
     *
     * @param consumer the consuming application or subscription
     * @param messageId the message's id ({@link io.sourceflow.Metadata#messageId()})
     * @return {@code true} the first time; {@code false} when the message was recorded before, so it
     *     is a duplicate to acknowledge and skip
     */
    boolean record(String consumer, UUID messageId);
}
