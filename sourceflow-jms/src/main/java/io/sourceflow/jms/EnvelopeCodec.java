package io.sourceflow.jms;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.Event;
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
import java.util.Map;

/**
 * Writes an envelope as the JSON body of a JMS text message and reads it back:
 * <pre>{@code {"kind":"command","type":"bank.DepositMoney","revision":2,"metadata":{...},"payload":{...}}}</pre>
 * The payload and the metadata are written and read by the {@link Serializer}. A payload of an older
 * revision (from a server not yet upgraded) is brought to the current one by the application's
 * upcasters ({@link #current}); one of a newer revision is refused, never guessed. Only classes
 * registered under the alias in {@link MessageTypes} are ever instantiated. Members may come in any
 * order; unknown members are ignored; without {@code revision} (a server before revisions) it is 1.
 */
final class EnvelopeCodec {

    static final String COMMAND = "command";
    static final String EVENT = "event";

    private final Serializer serializer;
    private final MessageTypes types;
    private final NumbersKept numbers = new NumbersKept();
    private final ClassValue<String> heads = new ClassValue<>() {
        @Override
        @SuppressWarnings("unchecked")
        protected String computeValue(Class<?> type) {
            Class<? extends Message> message = (Class<? extends Message>) type;
            return "{\"kind\":\"" + kindOf(type) + "\",\"type\":" + Json.quote(types.aliasOf(message)) + ",\"revision\":"
                    + types.revisionOf(message) + ",\"metadata\":";
        }
    };

    EnvelopeCodec(Serializer serializer, MessageTypes types) {
        this.serializer = serializer;
        this.types = types;
    }

    String encode(Envelope<?> envelope) {
        String head = heads.get(envelope.message().getClass());
        String metadata = serializer.serialize(envelope.metadata());
        String payload = serializer.serialize(envelope.message());
        return new StringBuilder(head.length() + metadata.length() + payload.length() + 13).append(head).append(metadata)
                .append(",\"payload\":").append(payload).append('}').toString();
    }

    /**
     * Reads the kind, alias and metadata, but not yet the payload.
     *
     * @throws MessageFormatException when the body is not such an envelope
     */
    Head head(String body) {
        Map<String, String> members = Json.members(body);
        String kind = Json.string(member(members, "kind"));
        if (!COMMAND.equals(kind) && !EVENT.equals(kind)) {
            throw new MessageFormatException("An envelope's kind is 'command' or 'event', not '" + SafeText.forLog(kind)
                    + "'");
        }
        Metadata metadata;
        try {
            metadata = serializer.deserialize(member(members, "metadata"), Metadata.class);
        } catch (MessageFormatException e) {
            throw new MessageFormatException("The envelope's metadata cannot be read: " + SafeText.forLog(e.getMessage()), e);
        }
        return new Head(kind, Json.string(member(members, "type")), revision(members.get("revision")), metadata,
                member(members, "payload"), "");
    }

    /**
     * The head with its alias, revision and payload at the current revision of its type.
     *
     * @throws NewerRevisionException when the revision is newer than this application knows
     * @throws UnknownMessageTypeException when no class is registered under the alias and no upcaster reads it
     * @throws UpcastingException when an upcaster fails
     */
    Head current(Head head) {
        StoredForm stored = new StoredForm(head.alias(), head.revision(), head.payload());
        StoredForm current;
        try {
            current = types.current(stored);
        } catch (NewerRevisionException e) {
            throw new NewerRevisionException(head.describe() + " cannot be read: " + SafeText.forLog(e.getMessage()), e);
        } catch (UnknownMessageTypeException e) {
            throw new UnknownMessageTypeException(head.describe() + " cannot be read: " + SafeText.forLog(e.getMessage()), e);
        } catch (UpcastingException e) {
            throw new UpcastingException(head.describe() + " cannot be read: " + SafeText.forLog(e.getMessage()), e);
        } catch (MessageFormatException e) {
            throw new MessageFormatException(head.describe() + " cannot be read: " + SafeText.forLog(e.getMessage()), e);
        }
        return current == stored ? head
                : new Head(head.kind(), current.alias(), current.revision(), head.metadata(), current.payload(), current.provenance());
    }

    private static int revision(String member) {
        if (member == null) {
            return 1;
        }
        try {
            int revision = Integer.parseInt(member);
            if (revision >= 1) {
                return revision;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MessageFormatException("An envelope's revision is a whole number from 1, not " + SafeText.forLog(member));
    }

    /**
     * Reads the payload of an envelope whose head was read.
     *
     * @throws UnknownMessageTypeException when no class is registered under the alias
     * @throws MessageFormatException when the payload does not fit the class, or the class not the kind
     */
    Envelope<?> envelope(Head head) {
        return envelope(head, type(head));
    }

    /**
     * The class registered under the head's alias.
     *
     * @throws UnknownMessageTypeException when there is none
     * @throws MessageFormatException when it is not of the head's kind
     */
    Class<? extends Message> type(Head head) {
        Class<? extends Message> type;
        try {
            type = types.typeOf(head.alias());
        } catch (UnknownMessageTypeException e) {
            throw new UnknownMessageTypeException(head.describe() + " cannot be read: " + SafeText.forLog(e.getMessage()), e);
        }
        if (!kindOf(type).equals(head.kind())) {
            throw new MessageFormatException(head.describe() + " names " + type.getName() + ", which is not a " + head.kind());
        }
        return type;
    }

    /**
     * Binds the payload to the class.
     *
     * @throws MessageFormatException when it does not fit
     */
    Envelope<?> envelope(Head head, Class<? extends Message> type) {
        Message message;
        try {
            message = serializer.deserialize(head.payload(), type);
        } catch (MessageFormatException e) {
            throw new MessageFormatException(head.describe() + " has a payload that does not fit " + type.getName()
                    + head.provenance() + ": " + SafeText.forLog(e.getMessage()), e);
        } catch (StackOverflowError | LinkageError e) {
            throw new MessageFormatException(head.describe() + " could not be bound to " + type.getName() + ": " + e, e);
        }
        numbers.check(head, head.payload(), serializer.serialize(message));
        if (message instanceof Command command && command.entity() == null) {
            throw new MessageFormatException(head.describe() + " has no entity: the payload binds to a "
                    + type.getName() + " whose entity() is null (is its entity member missing?)");
        }
        return new Envelope<>(message, head.metadata());
    }

    private static String kindOf(Class<?> type) {
        if (Command.class.isAssignableFrom(type)) {
            return COMMAND;
        }
        if (Event.class.isAssignableFrom(type)) {
            return EVENT;
        }
        throw new IllegalArgumentException(type.getName() + " is neither a Command nor an Event");
    }

    private static String member(Map<String, String> members, String name) {
        String value = members.get(name);
        if (value == null) {
            throw new MessageFormatException("An envelope needs the member '" + name + "'; it has "
                    + SafeText.forLog(members.keySet().toString()));
        }
        return value;
    }

    /**
     * What an envelope says before its payload is read.
     *
     * @param kind {@value #COMMAND} or {@value #EVENT}
     * @param alias the message type alias
     * @param revision the revision of the type the payload was written at
     * @param metadata the metadata
     * @param payload the payload's JSON text
     * @param provenance empty as received, else the upcasters that made the payload ({@link StoredForm#provenance()})
     */
    record Head(String kind, String alias, int revision, Metadata metadata, String payload, String provenance) {

        boolean isEvent() {
            return EVENT.equals(kind);
        }

        /** The message for logs and errors, its alias and entity id escaped. */
        String describe() {
            return "Message " + metadata.messageId() + " (" + kind + " '" + SafeText.forLog(alias) + "' revision " + revision
                    + " for entity '" + SafeText.forLog(metadata.entityId()) + "')";
        }
    }
}
