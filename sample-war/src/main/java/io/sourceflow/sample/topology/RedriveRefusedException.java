package io.sourceflow.sample.topology;

/** A dead letter cannot be re-driven: it was re-driven before. Answered with 409. */
public class RedriveRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message why
     * @param cause the library's refusal
     */
    public RedriveRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
