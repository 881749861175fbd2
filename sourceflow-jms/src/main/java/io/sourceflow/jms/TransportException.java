package io.sourceflow.jms;

import io.sourceflow.SourceFlowException;

/**
 * The JMS provider failed: a resource could not be found or reached, or a message could not be
 * read or written. Transient, so the bus retries a command whose transaction it started itself.
 */
public class TransportException extends SourceFlowException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong
     * @param cause the provider's exception
     */
    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
