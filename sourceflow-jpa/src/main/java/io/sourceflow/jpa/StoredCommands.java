package io.sourceflow.jpa;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.Message;
import io.sourceflow.MessageFormatException;
import io.sourceflow.Metadata;
import io.sourceflow.NewerRevisionException;
import io.sourceflow.UnknownMessageTypeException;
import io.sourceflow.UpcastingException;
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
        StoredForm form = current(new StoredForm(alias, revision, payload), where);
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

    private StoredForm current(StoredForm stored, String where) {
        String what = "Cannot read " + where + " (type alias '" + SafeText.forLog(stored.alias()) + "', revision "
                + stored.revision() + "): ";
        try {
            return types.current(stored);
        } catch (NewerRevisionException e) {
            throw new NewerRevisionException(what + e.getMessage(), e);
        } catch (UnknownMessageTypeException e) {
            throw new UnknownMessageTypeException(what + e.getMessage(), e);
        } catch (UpcastingException e) {
            throw new UpcastingException(what + e.getMessage(), e);
        } catch (MessageFormatException e) {
            throw new MessageFormatException(what + e.getMessage(), e);
        }
    }
}
