package io.sourceflow;

/**
 * A command targets an entity that does not exist and does not create it, or an entity to
 * replay has no logged command.
 */
public class EntityNotFoundException extends SourceFlowException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the message type, entity and sequence number
     */
    public EntityNotFoundException(String message) {
        super(message, null);
    }

    /**
     * @param message what went wrong, naming the message type, entity and sequence number
     * @param cause the underlying failure
     */
    public EntityNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
