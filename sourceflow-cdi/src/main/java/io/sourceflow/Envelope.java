package io.sourceflow;

import java.util.Objects;

/**
 * A message together with its metadata: the unit that dispatchers, stores and transports carry.
 *
 * @param message the immutable message
 * @param metadata its metadata
 * @param <M> the message type
 */
public record Envelope<M extends Message>(M message, Metadata metadata) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException when a component is null
     */
    public Envelope {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(metadata, "metadata");
    }

    /**
     * The same message with other metadata.
     *
     * @param metadata the new metadata
     * @return the copy
     */
    public Envelope<M> with(Metadata metadata) {
        return new Envelope<>(message, metadata);
    }

    /**
     * A short description for error messages: type, entity and sequence number.
     *
     * @return for example {@code DepositMoney for entity 'a-1' #3}
     */
    public String describe() {
        return message.getClass().getSimpleName() + " for entity '" + metadata.entityId() + "' #" + metadata.sequenceNo();
    }
}
