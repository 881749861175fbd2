package io.sourceflow.jpa;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.Message;
import io.sourceflow.MessageFormatException;
import io.sourceflow.Metadata;
import io.sourceflow.spi.MessageTypes;
import io.sourceflow.spi.SafeText;
import io.sourceflow.spi.Serializer;
import io.sourceflow.spi.StoredForm;

/**
 * Turns a stored log row back into an envelope, or fails naming the entity and sequence number: an
 * older revision is first brought to the current one by the application's upcasters, only registered
 * aliases are instantiated, and nothing unreadable is skipped.
 */
final class StoredCommands {

    private final MessageTypes types;
    private final Serializer serializer;

    StoredCommands(MessageTypes types, Serializer serializer) {
        this.types = types;
        this.serializer = serializer;
    }

    Envelope<Command> read(String entityType, String entityId, long sequenceNo, String alias, int revision, String payload,
            String metadata) {
        String where = "command #" + sequenceNo + " of entity '" + SafeText.forLog(entityId) + "' of type '"
                + SafeText.forLog(entityType) + "' in the command log";
        if (revision < 1) {
            throw new MessageFormatException("Cannot read " + where + ": its type_revision is " + revision + ", not 1 or more");
        }
        StoredForm form = StoredForms.current(types, new StoredForm(alias, revision, payload),
                "Cannot read " + where + " (type alias '" + SafeText.forLog(alias) + "', revision " + revision + "): ");
        Class<? extends Message> type = types.typeOf(form.alias());
        if (!Command.class.isAssignableFrom(type)) {
            throw new MessageFormatException("Cannot read " + where + ": its type alias '" + SafeText.forLog(form.alias())
                    + "' names " + type.getName() + ", which is not a command");
        }
        try {
            Command command = (Command) serializer.deserialize(form.payload(), type);
            Metadata read = serializer.deserialize(metadata, Metadata.class);
            return new Envelope<>(command, read.withEntityType(entityType).withEntityId(entityId).withSequenceNo(sequenceNo));
        } catch (MessageFormatException | IllegalArgumentException | NullPointerException e) {
            throw new MessageFormatException("Cannot read " + where + " (type alias '" + SafeText.forLog(form.alias())
                    + "', revision " + form.revision() + form.provenance() + "): " + e.getMessage(), e);
        }
    }
}
