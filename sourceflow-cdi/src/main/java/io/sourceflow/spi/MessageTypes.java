package io.sourceflow.spi;

import io.sourceflow.Message;
import io.sourceflow.UnknownMessageTypeException;

/**
 * The registry of message type aliases, fixed at deployment: stores and transports write aliases
 * and only ever instantiate the classes registered here from stored or received data.
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
}
