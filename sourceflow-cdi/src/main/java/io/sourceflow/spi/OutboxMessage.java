package io.sourceflow.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A message a unit of work sends through a transport, kept in the {@link Outbox} with that work.
 *
 * @param cause the id of the message whose handling sent it (the outbox hands a cause's messages to
 *     the transport together, in order)
 * @param position its place among the cause's messages, from 0
 * @param destination the queue or topic
 * @param topic whether the destination is a topic
 * @param body the body
 * @param properties the message properties
 * @param keptOn when it was kept
 */
public record OutboxMessage(String cause, int position, String destination, boolean topic, String body,
        Map<String, String> properties, Instant keptOn) {

    /** Validates the components and makes the properties immutable. */
    public OutboxMessage {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(keptOn, "keptOn");
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative: " + position);
        }
        properties = Map.copyOf(Objects.requireNonNull(properties, "properties"));
    }
}
