package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.spi.EventDispatcher;
import io.sourceflow.spi.Outcome;

/** One aggregate's {@code @Subscribes} method, called with a {@link HandlerContext} bound; returns what it deferred. */
final class AggregateSubscription implements EventDispatcher {

    private final Handler aggregate;
    private final CurrentHandler current;

    AggregateSubscription(Handler aggregate, CurrentHandler current) {
        this.aggregate = aggregate;
        this.current = current;
    }

    @Override
    public Outcome dispatch(Envelope<? extends Event> envelope) {
        HandlerContext context = current.enter(envelope, aggregate.identity());
        try {
            aggregate.invoke(null, envelope.message(), envelope.metadata());
        } finally {
            current.leave();
        }
        return context.outcome();
    }

    @Override
    public int getPriority() {
        return LocalEventDispatcher.PRIORITY;
    }
}
