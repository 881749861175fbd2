package io.sourceflow.jms;

import io.sourceflow.SourceFlowException;

/**
 * {@link DeadLetters#redrive} was asked to send a dead letter again that cannot be sent: it was
 * re-driven before ({@link DeadLetterAlreadyRedrivenException}), or it does not keep the body it was
 * received with (a message over {@code sourceflow.jms.max-message-size} keeps only its beginning).
 * Not transient: trying again cannot succeed. A REST resource answers it with 409 Conflict.
 */
public class DeadLetterNotRedrivableException extends SourceFlowException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the dead letter, its message and the reason
     */
    public DeadLetterNotRedrivableException(String message) {
        super(message, null);
    }
}
