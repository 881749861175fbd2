package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.Metadata;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/** Enqueues events in the caller's JTA transaction or a new one; see {@link CdiEventQueue}. */
@Singleton
@Typed(TransactionalEventQueue.class)
@Transactional(Transactional.TxType.REQUIRED)
public class TransactionalEventQueue {

    @Inject
    SourceFlowRuntime runtime;

    /**
     * Enqueues in a transaction.
     *
     * @param event the event
     * @return its metadata
     */
    public Metadata enqueue(Event event) {
        return runtime.queue().enqueue(event);
    }

    /**
     * Enqueues in a transaction.
     *
     * @param envelope the event and its metadata
     */
    public void enqueue(Envelope<? extends Event> envelope) {
        runtime.queue().enqueue(envelope);
    }
}
