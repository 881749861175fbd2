package io.sourceflow.jpa;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.spi.EventDispatchMiddleware;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

/**
 * Flushes the persistence context after each event has been dispatched, as {@link FlushPerCommand}
 * does after each command: the view models the event's projections changed reach the database
 * inside the event, so that a stale view model (its row changed behind this server's back) surfaces
 * as a {@link io.sourceflow.ConcurrencyException} the caller retries, after the provider's shared
 * cache has been emptied, rather than as a rollback at commit that a redelivery would meet again.
 * Replayed events are not flushed one by one.
 */
@ApplicationScoped
public class FlushPerEvent implements EventDispatchMiddleware {

    /** Runs outside any middleware of the application, so its flush covers their writes too. */
    public static final int PRIORITY = 0;

    @Inject
    JpaContext context;

    @Override
    public void handle(Envelope<? extends Event> envelope, Next<Event> next) {
        next.proceed(envelope);
        if (!envelope.metadata().replay()) {
            try {
                context.entityManager().flush();
            } catch (PersistenceException e) {
                Failures.forgetStaleRows(context.entityManager(), e);
                throw Failures.translate(e, envelope.describe());
            }
        }
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}
