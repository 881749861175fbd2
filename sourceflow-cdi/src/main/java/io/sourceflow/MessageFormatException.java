package io.sourceflow;

/**
 * A stored or received message cannot be read: malformed JSON, or content that does not fit its type.
 */
public class MessageFormatException extends SourceFlowException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the message type, entity and sequence number
     */
    public MessageFormatException(String message) {
        super(message, null);
    }

    /**
     * @param message what went wrong, naming the message type, entity and sequence number
     * @param cause the underlying failure
     */
    public MessageFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
