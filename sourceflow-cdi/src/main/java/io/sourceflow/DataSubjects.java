package io.sourceflow;

/**
 * Forgets data subjects (crypto-shredding): the application's way to honour a request for erasure.
 * Forgetting deletes the subject's key, so every {@link Personal} value written for it, in the log,
 * documents, queues, outbox and dead letters, becomes unreadable at once, wherever it is, and reads
 * as {@code null}. Nothing else changes: replays, views and history go on working with the
 * forgotten values.
 *
 * <pre>{@code
 * @Inject DataSubjects subjects;
 * subjects.forget(accountId);
 * }</pre>
 */
public interface DataSubjects {

    /**
     * Deletes the subject's key, for good. Writing personal data of a forgotten subject fails from
     * then on ({@link SubjectForgottenException}).
     *
     * @param subject the subject's identifier, as its {@link DataSubject} field holds it
     * @return {@code true} when the subject had a key, {@code false} when it had none or was already forgotten
     */
    boolean forget(String subject);

    /**
     * Whether the subject was forgotten.
     *
     * @param subject the subject's identifier
     * @return {@code true} once {@link #forget} deleted its key
     */
    boolean isForgotten(String subject);
}
