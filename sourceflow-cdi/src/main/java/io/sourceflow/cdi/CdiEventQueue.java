package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.EventQueue;
import io.sourceflow.Metadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The {@link EventQueue} bean. Called from a handler it joins the work under way; called from
 * elsewhere it joins or starts a JTA transaction, like the bus.
 */
@ApplicationScoped
public class CdiEventQueue implements EventQueue {

    @Inject
    SourceFlowRuntime runtime;

    @Inject
    TransactionalEventQueue transactional;

    @Override
    public Metadata enqueue(Event event) {
        return runtime.processing() ? runtime.queue().enqueue(event) : transactional.enqueue(event);
    }

    @Override
    public void enqueue(Envelope<? extends Event> envelope) {
        if (runtime.processing()) {
            runtime.queue().enqueue(envelope);
        } else {
            transactional.enqueue(envelope);
        }
    }
}
