package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.EventQueue;
import io.sourceflow.Metadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The {@link EventQueue} bean. Called from a handler method (a saga's {@code raise}), the event is
 * deferred in the handler's {@link HandlerContext}; called from elsewhere, it joins or starts a JTA
 * transaction ({@link TransactionalEventQueue}) and is delivered at once.
 */
@ApplicationScoped
public class CdiEventQueue implements EventQueue {

    @Inject
    CurrentHandler current;
    @Inject
    TransactionalEventQueue transactional;

    @Override
    public Metadata enqueue(Event event) {
        HandlerContext handler = current.get();
        return handler == null ? transactional.enqueue(event) : handler.raise(event);
    }

    @Override
    public void enqueue(Envelope<? extends Event> envelope) {
        HandlerContext handler = current.get();
        if (handler == null) {
            transactional.enqueue(envelope);
        } else {
            handler.raise(envelope);
        }
    }
}
