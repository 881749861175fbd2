package io.sourceflow.spi;

import java.time.Instant;
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

    /**
     * Forgets the messages recorded before a time, in the current unit of work. A message delivered
     * again after its entry was purged is processed again: purge only what is older than any
     * redelivery can be (the broker's redelivery limits, a dead letter waiting to be re-driven).
     *
     * @param recordedBefore entries recorded before this instant go
     * @return how many entries went
     * @throws UnsupportedOperationException when this inbox cannot purge (the default)
     */
    default int purge(Instant recordedBefore) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot purge its entries");
    }
}
