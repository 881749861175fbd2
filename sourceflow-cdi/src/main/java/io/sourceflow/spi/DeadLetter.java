package io.sourceflow.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A message that failed too often and was parked instead of lost.
 *
 * @param id this dead letter's id
 * @param messageId the failed message's id, or its transport id when the body could not be read
 * @param destination the queue or topic it came from
 * @param typeAlias the message type alias, or {@code null} when it could not be read
 * @param entityId the entity id, or {@code null} when it could not be read
 * @param body the body as received
 * @param headers the transport headers and properties as received
 * @param error the last error, with its causes
 * @param deliveryCount how often the message was delivered
 * @param deadLetteredOn when it was parked
 * @param redrivenOn when it was sent again, or {@code null}
 */
public record DeadLetter(
        String id,
        String messageId,
        String destination,
        String typeAlias,
        String entityId,
        String body,
        Map<String, String> headers,
        String error,
        int deliveryCount,
        Instant deadLetteredOn,
        Instant redrivenOn) {

    /**
     * Validates the required components and makes the headers immutable.
     *
     * @throws NullPointerException when a required component is null
     */
    public DeadLetter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(deadLetteredOn, "deadLetteredOn");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /**
     * The same dead letter, marked as re-driven.
     *
     * @param when when it was sent again
     * @return the copy
     */
    public DeadLetter redriven(Instant when) {
        return new DeadLetter(id, messageId, destination, typeAlias, entityId, body, headers, error, deliveryCount,
                deadLetteredOn, when);
    }
}
