package io.sourceflow.jpa;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.spi.CommandDispatchMiddleware;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

/**
 * Flushes the persistence context after each command has been handled, so that its log row,
 * entity and view model writes reach the database inside the command (batched, with no extra
 * round trip: they would be written at commit anyway) and a conflict with another writer surfaces
 * here as a {@link io.sourceflow.ConcurrencyException}, which the caller can retry, rather than as
 * a rollback at commit. Replayed commands are not flushed one by one: a replay writes its result
 * once, at the end.
 */
@ApplicationScoped
public class FlushPerCommand implements CommandDispatchMiddleware {

    /** Runs outside any middleware of the application, so its flush covers their writes too. */
    public static final int PRIORITY = 0;

    @Inject
    JpaContext context;

    @Override
    public void handle(Envelope<? extends Command> envelope, Next<Command> next) {
        next.proceed(envelope);
        if (!envelope.metadata().replay()) {
            try {
                context.entityManager().flush();
            } catch (PersistenceException e) {
                throw Failures.translate(e, envelope.describe());
            }
        }
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}
