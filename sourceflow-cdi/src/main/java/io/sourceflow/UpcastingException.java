package io.sourceflow;

/**
 * An {@link Upcaster} failed on a stored or received message: it threw or returned nothing. JSON it
 * returned that does not fit the class is a {@link MessageFormatException} naming the upcasters the
 * form passed through.
 */
public class UpcastingException extends MessageFormatException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the alias, the revision, the upcaster and where the
     *                message came from
     * @param cause the underlying failure, or null
     */
    public UpcastingException(String message, Throwable cause) {
        super(message, cause);
    }
}
