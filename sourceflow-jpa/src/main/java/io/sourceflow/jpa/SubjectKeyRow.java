package io.sourceflow.jpa;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A data subject's key ({@code sourceflow_subject_key}): the AES key in Base64 while the subject is
 * known, {@code null} once it is forgotten (the row stays, so that its sealed values read as
 * forgotten, not as unknown). Never cached beyond a transaction: a key forgotten on one server must not
 * live on in another's shared cache.
 */
@Entity
@Cacheable(false)
@Table(name = "sourceflow_subject_key")
public class SubjectKeyRow {

    @Id
    @Column(name = "subject", length = 255, nullable = false, updatable = false)
    private String subject;

    @Column(name = "secret", length = 64)
    private String secret;

    @Column(name = "created_on", nullable = false, updatable = false)
    private OffsetDateTime createdOn;

    @Column(name = "forgotten_on")
    private OffsetDateTime forgottenOn;

    /** For JPA. */
    protected SubjectKeyRow() {
    }

    /**
     * @param subject the subject's identifier
     * @param secret its key in Base64, or {@code null} for a subject forgotten before it had one
     * @param createdOn when the row was made
     */
    public SubjectKeyRow(String subject, String secret, OffsetDateTime createdOn) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.secret = secret;
        this.createdOn = Objects.requireNonNull(createdOn, "createdOn");
        this.forgottenOn = secret == null ? createdOn : null;
    }

    /**
     * The subject's identifier.
     *
     * @return the identifier
     */
    public String getSubject() {
        return subject;
    }

    /**
     * The key, in Base64.
     *
     * @return the key, or {@code null} once forgotten
     */
    public String getSecret() {
        return secret;
    }

    /**
     * When the subject was forgotten.
     *
     * @return the time, or {@code null} while it is known
     */
    public OffsetDateTime getForgottenOn() {
        return forgottenOn;
    }

    /**
     * Deletes the key.
     *
     * @param now the time of forgetting
     */
    public void forget(OffsetDateTime now) {
        secret = null;
        forgottenOn = now;
    }
}
