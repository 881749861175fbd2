package io.sourceflow;

/**
 * The root of SourceFlow's exceptions. All are unchecked, so that they propagate through handlers
 * and roll the transaction back. Their messages name the message type, entity id and sequence
 * number involved.
 */
public abstract class SourceFlowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong
     * @param cause the underlying failure, or {@code null}
     */
    protected SourceFlowException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether trying the same work again, in a new transaction, may succeed.
     *
     * @return {@code false} unless a subclass says otherwise
     */
    public boolean isTransient() {
        return false;
    }
}
