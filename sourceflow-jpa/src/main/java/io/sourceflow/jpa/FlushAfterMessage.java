package io.sourceflow.jpa;

import io.sourceflow.Envelope;
import io.sourceflow.Message;
import io.sourceflow.spi.Middleware;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

/**
 * Flushes the persistence context after a message has been handled (not after a replayed one, whose
 * result a replay writes once, at the end), so that a lost race surfaces inside the message as a
 * {@link io.sourceflow.ConcurrencyException} the caller can retry, rather than as a rollback at
 * commit. After a stale version the provider's shared cache is emptied first, so that the retry
 * reads the rows as the database has them.
 *
 * @param <M> the message kind
 */
abstract class FlushAfterMessage<M extends Message> implements Middleware<M> {

    /** Runs outside any middleware of the application, so its flush covers their writes too. */
    public static final int PRIORITY = 0;

    @Inject
    JpaContext context;

    @Override
    public void handle(Envelope<? extends M> envelope, Next<M> next) {
        next.proceed(envelope);
        if (!envelope.metadata().replay()) {
            try {
                context.entityManager().flush();
            } catch (PersistenceException e) {
                Failures.forgetStaleRows(context.entityManager(), e);
                throw failure(envelope, e);
            }
        }
    }

    /**
     * The exception a failed flush becomes.
     *
     * @param envelope the message whose writes were flushed
     * @param failure what the provider threw
     * @return the exception to throw
     */
    RuntimeException failure(Envelope<? extends M> envelope, PersistenceException failure) {
        return Failures.translate(failure, envelope.describe());
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}
