package io.sourceflow.jpa;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;
import io.sourceflow.spi.CommandDispatchMiddleware;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

/**
 * Flushes the persistence context after each command has been handled, so that its log row,
 * entity and view model writes reach the database inside the command (batched, with no extra
 * round trip: they would be written at commit anyway) and a conflict with another writer surfaces
 * here as a {@link io.sourceflow.ConcurrencyException}, which the caller can retry, rather than as
 * a rollback at commit. A duplicate key counts as a conflict only when another writer took the
 * sequence number this command claimed ({@link CommandLogKeys}): a unique key of the application's
 * own tables is the application's error, thrown as the provider reported it. Replayed commands
 * are not flushed one by one: a replay writes its result once, at the end.
 */
@ApplicationScoped
public class FlushPerCommand implements CommandDispatchMiddleware {

    /** Runs outside any middleware of the application, so its flush covers their writes too. */
    public static final int PRIORITY = 0;

    @Inject
    JpaContext context;
    @Inject
    CommandLogKeys logKeys;

    @Override
    public void handle(Envelope<? extends Command> envelope, Next<Command> next) {
        next.proceed(envelope);
        if (!envelope.metadata().replay()) {
            try {
                context.entityManager().flush();
            } catch (PersistenceException e) {
                if (Failures.isDuplicateKey(e) && !lostTheRace(envelope)) {
                    throw e;
                }
                throw Failures.translate(e, envelope.describe());
            }
        }
    }

    /**
     * Whether the duplicate key was the log's: another writer committed the number this command
     * claimed. Otherwise it was a unique key of another table, the application's own, which a retry
     * would only break again.
     */
    private boolean lostTheRace(Envelope<? extends Command> envelope) {
        Metadata metadata = envelope.metadata();
        return metadata.sequenceNo() == 0 || logKeys.taken(envelope.message().entity().id(), metadata.sequenceNo());
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}
