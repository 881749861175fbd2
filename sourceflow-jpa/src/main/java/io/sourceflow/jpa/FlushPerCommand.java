package io.sourceflow.jpa;

import io.sourceflow.Command;
import io.sourceflow.DuplicateKeyException;
import io.sourceflow.Envelope;
import io.sourceflow.spi.CommandDispatchMiddleware;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

/**
 * Flushes the persistence context after each command has been handled ({@link FlushAfterMessage}):
 * its log row and entity writes reach the database inside the command (batched, with no extra round
 * trip: they would be written at commit anyway). A duplicate key becomes a {@link DuplicateKeyException}
 * naming the number the command claimed, so that the retrying bus and the JMS receiver can tell,
 * after the rollback, a lost race from a unique key of the application's own tables. The view models
 * its events change are flushed after each event ({@link FlushPerEvent}).
 */
@ApplicationScoped
public class FlushPerCommand extends FlushAfterMessage<Command> implements CommandDispatchMiddleware {

    @Override
    RuntimeException failure(Envelope<? extends Command> envelope, PersistenceException failure) {
        long claimed = envelope.metadata().sequenceNo();
        if (claimed > 0 && Failures.isDuplicateKey(failure)) {
            return new DuplicateKeyException("A duplicate key while writing " + envelope.describe() + ": another writer took #"
                    + claimed + " first (retry in a new transaction), unless the handler broke a unique key of the application's"
                    + " own tables", envelope.metadata().entityType(), envelope.message().entity().id(), claimed, failure);
        }
        return super.failure(envelope, failure);
    }
}
