package io.sourceflow;

/**
 * More than one dispatcher took a command (a local saga and a transport, say), so it would have
 * been processed twice. The publish fails and its unit of work rolls back: nothing of the command
 * is kept. Make the dispatcher's {@code forwards} name the types it takes, so that the deployment
 * refuses the overlap.
 */
public class DuplicateDispatchException extends SourceFlowException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the command type, entity and both dispatchers
     */
    public DuplicateDispatchException(String message) {
        super(message, null);
    }
}
