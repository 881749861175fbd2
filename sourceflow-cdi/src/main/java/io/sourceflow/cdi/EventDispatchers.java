package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.spi.EventDispatchMiddleware;
import io.sourceflow.spi.EventDispatcher;
import io.sourceflow.spi.Outcome;
import java.util.List;

/**
 * Every event dispatcher as one: runs the event-dispatch middleware, then offers the event to each
 * dispatcher in priority order, and returns what their handlers deferred, in that order.
 */
final class EventDispatchers implements EventDispatcher {

    private final List<EventDispatcher> dispatchers;
    private final Pipeline<Event> pipeline;

    EventDispatchers(List<EventDispatcher> dispatchers, List<EventDispatchMiddleware> middleware) {
        this.dispatchers = Pipeline.byPriority(dispatchers);
        this.pipeline = new Pipeline<Event>(middleware, envelope -> offer(envelope), Outcome.DECLINED);
    }

    @Override
    public Outcome dispatch(Envelope<? extends Event> envelope) {
        return pipeline.run(envelope);
    }

    @Override
    public int getPriority() {
        return 0;
    }

    private Outcome offer(Envelope<? extends Event> envelope) {
        Outcome outcome = Outcome.DECLINED;
        for (EventDispatcher dispatcher : dispatchers) {
            outcome = outcome.and(dispatcher.dispatch(envelope));
        }
        return outcome;
    }
}
