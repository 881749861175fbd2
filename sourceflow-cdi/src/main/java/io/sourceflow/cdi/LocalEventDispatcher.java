package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.spi.EventDispatcher;
import io.sourceflow.spi.EventSubscribeMiddleware;
import io.sourceflow.spi.Outcome;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Delivers events to the local views (each as the runtime composes it: a {@link ViewProjection},
 * traced as {@value Telemetry#PROJECT} when telemetry is on) and then the local aggregates
 * ({@link AggregateSubscription}), inside the event-subscribe middleware, and returns what the
 * aggregates deferred. The handlers of each event class are worked out on first use and cached.
 */
final class LocalEventDispatcher implements EventDispatcher {

    static final int PRIORITY = 1000;
    private static final EventDispatcher[] NONE = new EventDispatcher[0];

    private final ClassValue<EventDispatcher[]> handlers;
    private final Pipeline<Event> pipeline;

    LocalEventDispatcher(HandlerRegistry registry, Function<Handler, EventDispatcher> views,
            Function<Handler, EventDispatcher> aggregates, List<EventSubscribeMiddleware> middleware) {
        this.handlers = new ClassValue<>() {
            @Override
            protected EventDispatcher[] computeValue(Class<?> type) {
                EventDispatcher[] found = Stream.concat(
                                Stream.of(registry.projectionsOf(type)).map(views),
                                Stream.of(registry.subscribersOf(type)).map(aggregates))
                        .toArray(EventDispatcher[]::new);
                return found.length == 0 ? NONE : found;
            }
        };
        this.pipeline = new Pipeline<Event>(middleware, envelope -> deliver(envelope), Outcome.TAKEN);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public Outcome dispatch(Envelope<? extends Event> envelope) {
        if (handlers.get(envelope.message().getClass()).length == 0) {
            return Outcome.DECLINED;
        }
        return pipeline.run(envelope);
    }

    private Outcome deliver(Envelope<? extends Event> envelope) {
        Outcome outcome = Outcome.TAKEN;
        for (EventDispatcher handler : handlers.get(envelope.message().getClass())) {
            outcome = outcome.and(handler.dispatch(envelope));
        }
        return outcome;
    }
}
