package io.sourceflow;

/**
 * An entity id breaks the rules of {@link EntityRef} (blank, too long, a control character, an
 * unpaired surrogate). Its message names the rule and shows the id escaped, so it may be logged
 * and shown to a client as it is: a REST resource answers it with 400 Bad Request.
 */
public class InvalidEntityIdException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the rule broken, with the id escaped
     */
    public InvalidEntityIdException(String message) {
        super(message);
    }
}
