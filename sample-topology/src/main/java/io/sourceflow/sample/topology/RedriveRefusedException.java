package io.sourceflow.sample.topology;

import io.sourceflow.EntityExistsException;

/**
 * A dead letter cannot be re-driven: its re-drive exists already. An {@link EntityExistsException},
 * so SourceFlow's problem mapper answers it with 409 and this message.
 */
public class RedriveRefusedException extends EntityExistsException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message why
     * @param cause the library's refusal
     */
    public RedriveRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
