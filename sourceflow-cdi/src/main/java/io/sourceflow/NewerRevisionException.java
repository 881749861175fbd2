package io.sourceflow;

/**
 * A stored or received message has a revision of its type newer than this application knows: it
 * was written by a later release. It is never decoded by guess; a transport parks it, to be
 * re-driven once this application is upgraded.
 */
public class NewerRevisionException extends UnknownMessageTypeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the alias, both revisions and where the message came from
     */
    public NewerRevisionException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the alias, both revisions and where the message came from
     * @param cause the same failure, told with less context
     */
    public NewerRevisionException(String message, Throwable cause) {
        super(message, cause);
    }
}
