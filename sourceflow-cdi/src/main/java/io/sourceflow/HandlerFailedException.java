package io.sourceflow;

/**
 * A handler threw a checked exception; it is the cause.
 */
public class HandlerFailedException extends SourceFlowException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the message type, entity and sequence number
     */
    public HandlerFailedException(String message) {
        super(message, null);
    }

    /**
     * @param message what went wrong, naming the message type, entity and sequence number
     * @param cause the underlying failure
     */
    public HandlerFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
