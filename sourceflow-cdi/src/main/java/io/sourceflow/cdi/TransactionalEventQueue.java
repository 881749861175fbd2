package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.EventQueue;
import io.sourceflow.Metadata;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/**
 * The event queue in the caller's JTA transaction or a new one; see {@link TransactionalCommandBus}. A
 * failure leaves it as {@link RolledBack}; {@link #thrown(TransactionalEventQueue)} is the queue that throws it on.
 */
@Singleton
@Typed(TransactionalEventQueue.class)
@Transactional(value = Transactional.TxType.REQUIRED, rollbackOn = RolledBack.class)
public class TransactionalEventQueue {

    @Inject
    SourceFlowRuntime runtime;

    /**
     * Delivers an event.
     *
     * @param event the event
     * @return the metadata it was delivered with
     * @throws RolledBack when the delivery failed; the transaction is rolled back or marked for rollback
     */
    public Metadata enqueue(Event event) throws RolledBack {
        return RolledBack.carry(() -> runtime.queue().enqueue(event));
    }

    /**
     * Delivers an event with its metadata.
     *
     * @param envelope the event and its metadata
     * @throws RolledBack when the delivery failed; the transaction is rolled back or marked for rollback
     */
    public void enqueue(Envelope<? extends Event> envelope) throws RolledBack {
        RolledBack.carry(() -> {
            runtime.queue().enqueue(envelope);
            return null;
        });
    }

    /** The queue (this bean) as an {@link EventQueue} that throws a failure on as it was thrown. */
    static EventQueue thrown(TransactionalEventQueue queue) {
        return new Thrown(queue);
    }

    private record Thrown(TransactionalEventQueue queue) implements EventQueue {

        @Override
        public Metadata enqueue(Event event) {
            return RolledBack.thrownOn(() -> queue.enqueue(event));
        }

        @Override
        public void enqueue(Envelope<? extends Event> envelope) {
            RolledBack.thrownOn(() -> {
                queue.enqueue(envelope);
                return null;
            });
        }
    }
}
