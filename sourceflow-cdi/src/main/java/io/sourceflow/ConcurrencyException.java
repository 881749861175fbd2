package io.sourceflow;

/**
 * Another writer changed the same entity first: its sequence number was claimed, or the stored
 * entity or view model changed since it was read. Transient: retrying in a new transaction may succeed.
 */
public class ConcurrencyException extends SourceFlowException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the message type, entity and sequence number
     */
    public ConcurrencyException(String message) {
        super(message, null);
    }

    /**
     * @param message what went wrong, naming the message type, entity and sequence number
     * @param cause the underlying failure
     */
    public ConcurrencyException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
