package io.sourceflow.jpa;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.Message;
import io.sourceflow.MessageFormatException;
import io.sourceflow.Metadata;
import io.sourceflow.UnknownMessageTypeException;
import io.sourceflow.spi.MessageTypes;
import io.sourceflow.spi.Serializer;

/**
 * Turns a stored log row back into an envelope, or fails naming the entity and sequence number:
 * only registered aliases are instantiated, and nothing unreadable is skipped.
 */
final class StoredCommands {

    private final MessageTypes types;
    private final Serializer serializer;

    StoredCommands(MessageTypes types, Serializer serializer) {
        this.types = types;
        this.serializer = serializer;
    }

    Envelope<Command> read(String entityId, long sequenceNo, String alias, String payload, String metadata) {
        String where = "command #" + sequenceNo + " of entity '" + entityId + "' in the command log";
        Class<? extends Message> type;
        try {
            type = types.typeOf(alias);
        } catch (UnknownMessageTypeException e) {
            throw new UnknownMessageTypeException("Cannot read " + where + ": its type alias '" + alias
                    + "' is not registered", e);
        }
        if (!Command.class.isAssignableFrom(type)) {
            throw new MessageFormatException("Cannot read " + where + ": its type alias '" + alias + "' names "
                    + type.getName() + ", which is not a command");
        }
        try {
            Command command = (Command) serializer.deserialize(payload, type);
            Metadata stored = serializer.deserialize(metadata, Metadata.class);
            return new Envelope<>(command, stored.withEntityId(entityId).withSequenceNo(sequenceNo));
        } catch (MessageFormatException | IllegalArgumentException | NullPointerException e) {
            throw new MessageFormatException("Cannot read " + where + " (type alias '" + alias + "'): "
                    + e.getMessage(), e);
        }
    }
}
