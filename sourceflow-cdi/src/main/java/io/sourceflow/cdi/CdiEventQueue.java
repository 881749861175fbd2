package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.EventQueue;
import io.sourceflow.Metadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The {@link EventQueue} bean; like the bus, it joins or starts a JTA transaction where there is JTA. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class CdiEventQueue implements EventQueue {

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
