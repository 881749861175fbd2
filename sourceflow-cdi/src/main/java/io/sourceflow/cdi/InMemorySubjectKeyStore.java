package io.sourceflow.cdi;

import io.sourceflow.SubjectForgottenException;
import io.sourceflow.spi.SafeText;
import io.sourceflow.spi.SubjectKeyStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * The default subject keys, in memory: they are lost when the application stops, and with them every
 * personal value written before. For tests and the in-memory stores; deploy sourceflow-jpa (or a key
 * management service's store) with persistent stores.
 */
@ApplicationScoped
public class InMemorySubjectKeyStore implements SubjectKeyStore {

    private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();
    private final Set<String> forgotten = ConcurrentHashMap.newKeySet();

    @Override
    public synchronized SecretKey keyFor(String subject) {
        Objects.requireNonNull(subject, "subject");
        if (forgotten.contains(subject)) {
            throw new SubjectForgottenException("The data subject '" + SafeText.forLog(subject) + "' was forgotten");
        }
        return keys.computeIfAbsent(subject, s -> newKey());
    }

    @Override
    public Optional<SecretKey> find(String subject) {
        return Optional.ofNullable(keys.get(Objects.requireNonNull(subject, "subject")));
    }

    @Override
    public boolean isForgotten(String subject) {
        return forgotten.contains(Objects.requireNonNull(subject, "subject"));
    }

    @Override
    public synchronized boolean forget(String subject) {
        forgotten.add(Objects.requireNonNull(subject, "subject"));
        return keys.remove(subject) != null;
    }

    /**
     * A new 256-bit AES key from the JDK's provider.
     *
     * @return the key
     */
    public static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK offers no AES key generator", e);
        }
    }
}
