package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.EventQueue;
import io.sourceflow.Metadata;

/**
 * The event queue handed to application code. Called from a handler method (a saga's
 * {@code raise}), the event is deferred in the handler's {@link HandlerContext}; called from
 * elsewhere, it goes to the given queue and is delivered at once.
 */
final class HandlerAwareQueue implements EventQueue {

    private final CurrentHandler current;
    private final EventQueue queue;

    HandlerAwareQueue(CurrentHandler current, EventQueue queue) {
        this.current = current;
        this.queue = queue;
    }

    @Override
    public Metadata enqueue(Event event) {
        HandlerContext handler = current.get();
        return handler == null ? queue.enqueue(event) : handler.raise(event);
    }

    @Override
    public void enqueue(Envelope<? extends Event> envelope) {
        HandlerContext handler = current.get();
        if (handler == null) {
            queue.enqueue(envelope);
        } else {
            handler.raise(envelope);
        }
    }
}
