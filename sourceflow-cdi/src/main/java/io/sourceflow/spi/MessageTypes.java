package io.sourceflow.spi;

import io.sourceflow.Message;
import io.sourceflow.MessageType;
import io.sourceflow.NewerRevisionException;
import io.sourceflow.UnknownMessageTypeException;
import java.util.Optional;

/**
 * The registry of message type aliases, fixed at deployment: stores and transports write aliases
 * and revisions, bring what they read to the current revision with {@link #current(StoredForm)}, and
 * only ever instantiate the classes registered here from stored or received data.
 */
public interface MessageTypes {

    /**
     * The alias of a message class: its {@link io.sourceflow.MessageType} value, else its simple name.
     *
     * @param type the message class
     * @return the alias
     */
    String aliasOf(Class<? extends Message> type);

    /**
     * The message class registered under an alias.
     *
     * @param alias the alias
     * @return the class
     * @throws io.sourceflow.UnknownMessageTypeException when no class is registered under it
     */
    Class<? extends Message> typeOf(String alias);

    /**
     * Whether a class is registered under an alias: for a transport deciding, without an
     * exception, whether a received type can be handled here.
     *
     * @param alias the alias
     * @return {@code true} when {@link #typeOf(String)} would return a class
     */
    default boolean isKnown(String alias) {
        try {
            typeOf(alias);
            return true;
        } catch (UnknownMessageTypeException unknown) {
            return false;
        }
    }

    /**
     * Whether stored or received forms of an alias can be read here at some revision: the alias is
     * registered, or an upcaster reads it (a type since renamed). A transport skips an event of an
     * alias this application does not read at all, and parks one it reads but not at the revision
     * received.
     *
     * @param alias the alias
     * @return {@code true} when the alias is read here
     */
    default boolean reads(String alias) {
        return isKnown(alias);
    }

    /**
     * The revision of a message class's stored form: its {@link MessageType#revision()}, else 1.
     *
     * @param type the message class
     * @return the revision, at least 1
     */
    default int revisionOf(Class<? extends Message> type) {
        MessageType annotation = type.getAnnotation(MessageType.class);
        return annotation == null ? 1 : annotation.revision();
    }

    /**
     * The entity type whose log holds commands stored under this alias and revision: the name of the
     * entity kept by the saga that handles the command here, following renames by upcasters. A store
     * asks it to adopt log rows written before entity types were logged.
     *
     * @param alias the stored alias
     * @param revision the stored revision
     * @return the entity type's name; empty when no saga here handles the command (nor its renamed type)
     */
    default Optional<String> entityTypeOf(String alias, int revision) {
        return Optional.empty();
    }

    /**
     * Brings a stored or received form to the current revision of its type, through the
     * application's {@link io.sourceflow.Upcaster}s; a form already current is returned as it is.
     * The implementation without upcasters reads only current forms.
     *
     * @param stored what was stored or received
     * @return the form at the current revision, under the alias of a registered class
     * @throws NewerRevisionException when the revision is newer than the registered class's
     * @throws UnknownMessageTypeException when no class is registered under the alias, or no upcaster
     *                                     leads from an older revision
     * @throws io.sourceflow.UpcastingException when an upcaster fails; {@link io.sourceflow.MessageFormatException}
     *                                          when the payload is not a JSON object
     */
    default StoredForm current(StoredForm stored) {
        int current = revisionOf(typeOf(stored.alias()));
        if (stored.revision() == current) {
            return stored;
        }
        if (stored.revision() > current) {
            throw new NewerRevisionException("revision " + stored.revision() + " of '" + SafeText.forLog(stored.alias())
                    + "' is newer than the revision this application knows, " + current);
        }
        throw new UnknownMessageTypeException("no upcaster reads revision " + stored.revision() + " of '"
                + SafeText.forLog(stored.alias()) + "' (the current revision is " + current + ")");
    }
}
