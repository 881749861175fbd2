package io.sourceflow;

/**
 * Thrown by a saga handler to refuse a command by a business rule (insufficient funds, a closed
 * account). It is the application's answer, not a fault: the command's work is rolled back and it
 * is never tried again. Where the caller is in the same server, it gets this exception; where the
 * command came from another server, the receiving server records it as
 * {@link CommandStatus.State#REJECTED rejected} with this exception's message, which the sender
 * reads from {@link CommandStatuses} (the message is the problem a client is shown: name the rule,
 * not the internals). Subclass it for the application's own rule types.
 */
public class CommandRejectedException extends SourceFlowException {

    private static final long serialVersionUID = 1L;

    /**
     * @param problem which business rule refused the command, as a client may read it
     */
    public CommandRejectedException(String problem) {
        super(problem, null);
    }

    /**
     * @param problem which business rule refused the command, as a client may read it
     * @param cause the underlying failure, or {@code null}
     */
    public CommandRejectedException(String problem, Throwable cause) {
        super(problem, cause);
    }
}
