package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/**
 * One attempt of the bus's work, in the caller's JTA transaction or a new one (when the container
 * provides JTA; a plain call otherwise). {@link CdiCommandBus} retries attempts. A {@code @Singleton}
 * so that it is called without a client proxy; it is never injected into user beans.
 */
@Singleton
@Typed(TransactionalCommandBus.class)
@Transactional(Transactional.TxType.REQUIRED)
public class TransactionalCommandBus {

    @Inject
    SourceFlowRuntime runtime;

    /**
     * Publishes in a transaction.
     *
     * @param envelope the command and its metadata
     * @return the logged metadata
     */
    public Metadata publish(Envelope<? extends Command> envelope) {
        return runtime.bus().publish(envelope);
    }

    /**
     * Publishes in a transaction.
     *
     * @param command the command
     * @return the logged metadata
     */
    public Metadata publish(Command command) {
        return runtime.bus().publish(command);
    }

    /**
     * Replays in a transaction.
     *
     * @param entity the entity
     * @return the number of commands replayed
     */
    public long replay(EntityRef entity) {
        return runtime.bus().replay(entity);
    }
}
