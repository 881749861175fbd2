package io.sourceflow;

/**
 * Personal data was to be written for a data subject that was forgotten: its key is deleted, so the
 * data cannot be encrypted, and it is not written in plain text. The message names the type and
 * field, never the value.
 */
public class SubjectForgottenException extends SourceFlowException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was refused: the type, the field and the subject
     */
    public SubjectForgottenException(String message) {
        super(message, null);
    }

    /**
     * @param message what was refused: the type, the field and the subject
     * @param cause the key store's refusal
     */
    public SubjectForgottenException(String message, Throwable cause) {
        super(message, cause);
    }
}
