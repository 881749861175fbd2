package io.sourceflow.jms;

/**
 * {@link DeadLetters#redrive} was asked to send a dead letter again that was re-driven before.
 * Not transient: the letter stays re-driven, so trying again cannot succeed. A REST resource
 * answers it with 409 Conflict.
 */
public class DeadLetterAlreadyRedrivenException extends DeadLetterNotRedrivableException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the dead letter, its message and when it was re-driven
     */
    public DeadLetterAlreadyRedrivenException(String message) {
        super(message);
    }
}
