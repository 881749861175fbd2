package io.sourceflow;

/**
 * A command that creates an entity targets one that already exists.
 */
public class EntityExistsException extends SourceFlowException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the message type, entity and sequence number
     */
    public EntityExistsException(String message) {
        super(message, null);
    }

    /**
     * @param message what went wrong, naming the message type, entity and sequence number
     * @param cause the underlying failure
     */
    public EntityExistsException(String message, Throwable cause) {
        super(message, cause);
    }
}
