package io.sourceflow.spi;

import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Keeps one secret key per data subject, for the encryption of {@link io.sourceflow.Personal} fields.
 * The default keeps them in memory (lost when the application stops: for tests only); sourceflow-jpa's
 * keeps them in the table {@code sourceflow_subject_key}; a key management service can back another
 * implementation ({@code @Alternative @Priority}). Every server that reads a subject's data must see
 * the same keys.
 */
public interface SubjectKeyStore {

    /**
     * The subject's key, made and kept at its first use (a 256-bit AES key). The key must be durable
     * before anything encrypted with it is: implementations commit it on its own.
     *
     * @param subject the subject's identifier
     * @return the key
     * @throws io.sourceflow.SubjectForgottenException when the subject was forgotten
     */
    SecretKey keyFor(String subject);

    /**
     * The subject's key, for reading.
     *
     * @param subject the subject's identifier
     * @return the key, or empty when the subject has none: it was forgotten, or this store never knew it
     */
    Optional<SecretKey> find(String subject);

    /**
     * Whether the subject was forgotten (its key deleted), as opposed to never known.
     *
     * @param subject the subject's identifier
     * @return {@code true} when it was forgotten
     */
    boolean isForgotten(String subject);

    /**
     * Deletes the subject's key and remembers that it was forgotten (never the key).
     *
     * @param subject the subject's identifier
     * @return {@code true} when it had a key
     */
    boolean forget(String subject);
}
