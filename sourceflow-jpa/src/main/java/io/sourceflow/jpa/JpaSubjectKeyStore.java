package io.sourceflow.jpa;

import io.sourceflow.SubjectForgottenException;
import io.sourceflow.cdi.InMemorySubjectKeyStore;
import io.sourceflow.cdi.NewTransaction;
import io.sourceflow.spi.SafeText;
import io.sourceflow.spi.SubjectKeyStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
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

    /** The key of this store's map of keys made in a transaction, among the transaction's resources. */
    private final Object madeKeys = new Object();

    @Override
    public SecretKey keyFor(String subject) {
        Objects.requireNonNull(subject, "subject");
        SecretKey known = madeKey(subject);
        if (known != null) {
            return known;
        }
        EntityManager em = jpa.entityManager();
        SubjectKeyRow row = em.find(SubjectKeyRow.class, subject);
        if (row == null) {
            SecretKey made = InMemorySubjectKeyStore.newKey();
            String secret = Base64.getEncoder().encodeToString(made.getEncoded());
            try {
                newTransaction.run(() -> jpa.entityManager().persist(new SubjectKeyRow(subject, secret, now())));
                // committed, but under repeatable read (MariaDB's default) the caller's transaction may not see the
                // new row: it is kept for the rest of that transaction
                madeInThisTransaction().put(subject, made);
                return made;
            } catch (RuntimeException e) {
                row = em.find(SubjectKeyRow.class, subject);
                if (row == null) {
                    throw new IllegalStateException("Cannot keep a new key for the data subject '" + SafeText.forLog(subject)
                            + "', and no other server's key for it is visible in this transaction: "
                            + e.getClass().getName(), e);
                }
                LOG.fine(() -> "Another server made a data subject's key at the same time; using its key");
            }
        }
        if (row.getSecret() == null) {
            throw new SubjectForgottenException("The data subject '" + SafeText.forLog(subject) + "' was forgotten");
        }
        return key(row.getSecret());
    }

    @Override
    public Optional<SecretKey> find(String subject) {
        SecretKey made = madeKey(Objects.requireNonNull(subject, "subject"));
        if (made != null) {
            return Optional.of(made);
        }
        SubjectKeyRow row = jpa.entityManager().find(SubjectKeyRow.class, subject);
        return row == null || row.getSecret() == null ? Optional.empty() : Optional.of(key(row.getSecret()));
    }

    @Override
    public boolean isForgotten(String subject) {
        SubjectKeyRow row = jpa.entityManager().find(SubjectKeyRow.class, Objects.requireNonNull(subject, "subject"));
        return row != null && row.getForgottenOn() != null;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException without an active JTA transaction (the change would be lost)
     */
    @Override
    public boolean forget(String subject) {
        Objects.requireNonNull(subject, "subject");
        if (jpa.activeTransaction() == null) {
            throw new IllegalStateException("Forgetting a data subject needs an active JTA transaction: without one the"
                    + " deletion of its key would not be written (DataSubjects.forget starts one)");
        }
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

    /** A key this store made in the caller's transaction, without adding anything to the transaction. */
    @SuppressWarnings("unchecked")
    private SecretKey madeKey(String subject) {
        TransactionSynchronizationRegistry tx = jpa.activeTransaction();
        Map<String, SecretKey> made = tx == null ? null : (Map<String, SecretKey>) tx.getResource(madeKeys);
        return made == null ? null : made.get(subject);
    }

    /** The keys this store made in the caller's transaction (a new, unshared map outside one). */
    @SuppressWarnings("unchecked")
    private Map<String, SecretKey> madeInThisTransaction() {
        TransactionSynchronizationRegistry tx = jpa.activeTransaction();
        if (tx == null) {
            return new HashMap<>();
        }
        Map<String, SecretKey> made = (Map<String, SecretKey>) tx.getResource(madeKeys);
        if (made == null) {
            made = new HashMap<>();
            tx.putResource(madeKeys, made);
        }
        return made;
    }

    private static SecretKey key(String secret) {
        return new SecretKeySpec(Base64.getDecoder().decode(secret), "AES");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
