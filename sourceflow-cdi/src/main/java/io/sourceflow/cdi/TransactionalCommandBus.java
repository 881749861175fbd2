package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.CommandBus;
import io.sourceflow.DuplicateKeyException;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/**
 * The bus in the caller's JTA transaction or a new one (when the container provides JTA; a plain
 * call otherwise). A bean only because the JTA interceptor applies to beans; {@code @Typed} so it is
 * never injected where a {@link CommandBus} is asked for, and a {@code @Singleton} so that it is
 * called without a client proxy. {@link RetryingCommandBus} decorates it.
 */
@Singleton
@Typed(TransactionalCommandBus.class)
@Transactional(Transactional.TxType.REQUIRED)
public class TransactionalCommandBus implements CommandBus {

    @Inject
    SourceFlowRuntime runtime;
    @Inject
    UnitOfWork transaction;

    @Override
    public Metadata publish(Envelope<? extends Command> envelope) {
        return runtime.bus().publish(envelope);
    }

    @Override
    public Metadata publish(Command command) {
        return runtime.bus().publish(command);
    }

    /**
     * Publishes a command for a caller that has no transaction, in a transaction begun for it alone;
     * when a dispatcher forwards its type (nothing else happens in that transaction), the transaction
     * is marked so (see {@link UnitOfWork#publishAlone()}).
     *
     * @param envelope the command and its metadata
     * @return the metadata it was logged or sent with
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Metadata publishAlone(Envelope<? extends Command> envelope) {
        if (!envelope.metadata().isRemote() && runtime.forwards(envelope.message().getClass())) {
            transaction.beganForPublish();
        }
        return runtime.bus().publish(envelope);
    }

    @Override
    public long replay(Class<?> entityType, EntityRef entity) {
        return runtime.bus().replay(entityType, entity);
    }

    /**
     * Whether the log holds the entity's number that a failed attempt claimed, read in a transaction
     * of its own when the caller has none: asked by {@link RetryingCommandBus} after an attempt failed
     * on a duplicate key.
     *
     * @param duplicate the failure, naming the entity and the number
     * @return {@code true} when another writer holds it
     */
    public boolean logHolds(DuplicateKeyException duplicate) {
        return runtime.logHolds(duplicate);
    }
}
