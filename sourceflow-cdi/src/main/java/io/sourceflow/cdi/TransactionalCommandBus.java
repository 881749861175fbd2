package io.sourceflow.cdi;

import io.sourceflow.Command;
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
 * injected nowhere else, and a {@code @Singleton} so that it is called without a client proxy. A
 * failure leaves it as {@link RolledBack}, which rolls the transaction back without the container
 * reporting it; {@link BusTransaction} throws the failure on, and {@link RetryingCommandBus} decorates that.
 */
@Singleton
@Typed(TransactionalCommandBus.class)
@Transactional(value = Transactional.TxType.REQUIRED, rollbackOn = RolledBack.class)
public class TransactionalCommandBus {

    @Inject
    SourceFlowRuntime runtime;
    @Inject
    UnitOfWork transaction;

    /**
     * Publishes a command in the caller's transaction.
     *
     * @param envelope the command and its metadata
     * @return the metadata it was logged or sent with
     * @throws RolledBack when the publish failed; the transaction is marked for rollback
     */
    public Metadata publish(Envelope<? extends Command> envelope) throws RolledBack {
        return RolledBack.carry(() -> runtime.bus().publish(envelope));
    }

    /**
     * Publishes a command in the caller's transaction.
     *
     * @param command the command
     * @return the metadata it was logged or sent with
     * @throws RolledBack when the publish failed; the transaction is marked for rollback
     */
    public Metadata publish(Command command) throws RolledBack {
        return RolledBack.carry(() -> runtime.bus().publish(command));
    }

    /**
     * Publishes a command for a caller that has no transaction, in a transaction begun for it alone;
     * when a dispatcher forwards its type (nothing else happens in that transaction), the transaction
     * is marked so (see {@link UnitOfWork#publishAlone()}).
     *
     * @param envelope the command and its metadata
     * @return the metadata it was logged or sent with
     * @throws RolledBack when the publish failed; its transaction is rolled back
     */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = RolledBack.class)
    public Metadata publishAlone(Envelope<? extends Command> envelope) throws RolledBack {
        return RolledBack.carry(() -> {
            if (!envelope.metadata().isRemote() && runtime.forwards(envelope.message().getClass())) {
                transaction.beganForPublish();
            }
            return runtime.bus().publish(envelope);
        });
    }

    /**
     * Replays an entity's commands in the caller's transaction or a new one.
     *
     * @param entityType the entity's type
     * @param entity the entity
     * @return how many commands were replayed
     * @throws RolledBack when the replay failed; the transaction is rolled back or marked for rollback
     */
    public long replay(Class<?> entityType, EntityRef entity) throws RolledBack {
        return RolledBack.carry(() -> runtime.bus().replay(entityType, entity));
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
