package io.sourceflow.cdi;

import io.sourceflow.DataSubjects;
import io.sourceflow.spi.SubjectKeyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * The {@link DataSubjects} bean: forgets through the deployment's {@link SubjectKeyStore}, in the caller's JTA
 * transaction or, without one, in its own.
 */
@ApplicationScoped
public class CdiDataSubjects implements DataSubjects {

    private static final Logger LOG = Logger.getLogger(CdiDataSubjects.class.getName());

    @Inject
    SubjectKeyStore keys;

    @Override
    @Transactional
    public boolean forget(String subject) {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("A data subject's identifier is not blank");
        }
        boolean had = keys.forget(subject);
        LOG.fine(() -> "Forgot a data subject; it had a key: " + had);
        return had;
    }

    @Override
    public boolean isForgotten(String subject) {
        return keys.isForgotten(Objects.requireNonNull(subject, "subject"));
    }
}
