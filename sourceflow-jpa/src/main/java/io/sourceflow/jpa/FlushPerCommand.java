package io.sourceflow.jpa;

import io.sourceflow.Command;
import io.sourceflow.DuplicateKeyException;
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
 * a rollback at commit; after a stale version the provider's shared cache is emptied, so that the
 * retry reads the rows as the database has them. A duplicate key becomes a {@link DuplicateKeyException} naming the number the
 * command claimed, so that the retrying bus and the JMS receiver can tell, after the rollback, a lost
 * race from a unique key of the application's own tables. Replayed commands are not flushed one by
 * one: a replay writes its result once, at the end.
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
                Failures.forgetStaleRows(context.entityManager(), e);
                long claimed = envelope.metadata().sequenceNo();
                if (claimed > 0 && Failures.isDuplicateKey(e)) {
                    throw new DuplicateKeyException("A duplicate key while writing " + envelope.describe() + ": another writer"
                            + " took #" + claimed + " first (retry in a new transaction), unless the handler broke a unique key of"
                            + " the application's own tables", envelope.message().entity().id(), claimed, e);
                }
                throw Failures.translate(e, envelope.describe());
            }
        }
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}
