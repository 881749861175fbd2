package io.sourceflow;

/**
 * No dispatcher accepted a command: no saga handles its type here and no route sends it elsewhere.
 */
public class NoHandlerException extends SourceFlowException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the message type, entity and sequence number
     */
    public NoHandlerException(String message) {
        super(message, null);
    }

    /**
     * @param message what went wrong, naming the message type, entity and sequence number
     * @param cause the underlying failure
     */
    public NoHandlerException(String message, Throwable cause) {
        super(message, cause);
    }
}
