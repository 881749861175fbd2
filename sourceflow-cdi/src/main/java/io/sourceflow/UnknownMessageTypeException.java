package io.sourceflow;

/**
 * A stored or received message names a type alias this application does not know.
 */
public class UnknownMessageTypeException extends SourceFlowException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the message type, entity and sequence number
     */
    public UnknownMessageTypeException(String message) {
        super(message, null);
    }

    /**
     * @param message what went wrong, naming the message type, entity and sequence number
     * @param cause the underlying failure
     */
    public UnknownMessageTypeException(String message, Throwable cause) {
        super(message, cause);
    }
}
