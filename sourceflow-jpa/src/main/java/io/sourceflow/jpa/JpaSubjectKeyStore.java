package io.sourceflow.jpa;

import io.sourceflow.SubjectForgottenException;
import io.sourceflow.cdi.InMemorySubjectKeyStore;
import io.sourceflow.cdi.NewTransaction;
import io.sourceflow.spi.SubjectKeyStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The subject keys in {@code sourceflow_subject_key}, enabled whenever this module is deployed. A new
 * key is committed in a transaction of its own before the caller's writes anything sealed with it;
 * two servers making one subject's key at once meet at the primary key, and the loser reads the
 * winner's. Forgetting deletes the key in the caller's transaction and keeps the row, marked forgotten.
 * Keys are read from the database each time (no shared cache), so a key forgotten on one server is
 * gone on all. The keys are as sensitive as the data: back the table up apart from the rest, with a
 * retention shorter than erasure requests allow, or keep the keys in a key management service (an
 * {@code @Alternative} {@link SubjectKeyStore}).
 */
@ApplicationScoped
@Alternative
@Priority(JpaStores.PRIORITY)
public class JpaSubjectKeyStore implements SubjectKeyStore {

    private static final Logger LOG = Logger.getLogger(JpaSubjectKeyStore.class.getName());

    @Inject
    JpaContext jpa;
    @Inject
    NewTransaction newTransaction;

    @Override
    public SecretKey keyFor(String subject) {
        Objects.requireNonNull(subject, "subject");
        EntityManager em = jpa.entityManager();
        SubjectKeyRow row = em.find(SubjectKeyRow.class, subject);
        if (row == null) {
            String secret = Base64.getEncoder().encodeToString(InMemorySubjectKeyStore.newKey().getEncoded());
            try {
                newTransaction.run(() -> jpa.entityManager().persist(new SubjectKeyRow(subject, secret, now())));
            } catch (RuntimeException e) {
                row = em.find(SubjectKeyRow.class, subject);
                if (row == null) {
                    throw e;
                }
                LOG.fine(() -> "Another server made a data subject's key at the same time; using its key: " + e);
            }
            row = row == null ? em.find(SubjectKeyRow.class, subject) : row;
        }
        if (row == null || row.getSecret() == null) {
            throw new SubjectForgottenException("The data subject '" + subject + "' was forgotten");
        }
        return key(row.getSecret());
    }

    @Override
    public Optional<SecretKey> find(String subject) {
        SubjectKeyRow row = jpa.entityManager().find(SubjectKeyRow.class, Objects.requireNonNull(subject, "subject"));
        return row == null || row.getSecret() == null ? Optional.empty() : Optional.of(key(row.getSecret()));
    }

    @Override
    public boolean isForgotten(String subject) {
        SubjectKeyRow row = jpa.entityManager().find(SubjectKeyRow.class, Objects.requireNonNull(subject, "subject"));
        return row != null && row.getForgottenOn() != null;
    }

    @Override
    public boolean forget(String subject) {
        Objects.requireNonNull(subject, "subject");
        EntityManager em = jpa.entityManager();
        SubjectKeyRow row = em.find(SubjectKeyRow.class, subject);
        if (row == null) {
            em.persist(new SubjectKeyRow(subject, null, now()));
            return false;
        }
        boolean had = row.getSecret() != null;
        if (had) {
            row.forget(now());
        }
        return had;
    }

    private static SecretKey key(String secret) {
        return new SecretKeySpec(Base64.getDecoder().decode(secret), "AES");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
