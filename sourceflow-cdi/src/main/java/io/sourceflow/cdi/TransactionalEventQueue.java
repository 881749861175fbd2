package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.EventQueue;
import io.sourceflow.Metadata;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/** The event queue in the caller's JTA transaction or a new one; see {@link TransactionalCommandBus}. */
@Singleton
@Typed(TransactionalEventQueue.class)
@Transactional(Transactional.TxType.REQUIRED)
public class TransactionalEventQueue implements EventQueue {

    @Inject
    SourceFlowRuntime runtime;

    @Override
    public Metadata enqueue(Event event) {
        return runtime.queue().enqueue(event);
    }

    @Override
    public void enqueue(Envelope<? extends Event> envelope) {
        runtime.queue().enqueue(envelope);
    }
}
