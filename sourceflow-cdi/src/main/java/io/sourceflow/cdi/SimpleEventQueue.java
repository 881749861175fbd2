package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.EventQueue;
import io.sourceflow.Metadata;
import io.sourceflow.spi.EventDispatcher;
import io.sourceflow.spi.Middleware;
import java.util.List;
import java.util.Objects;

/**
 * The event queue: gives an event metadata derived from the message being handled, defers it while
 * a saga handler runs, and otherwise runs the event-dispatch middleware and offers the event to
 * every dispatcher, on the caller's thread.
 */
final class SimpleEventQueue implements EventQueue {

    private final Units units;
    private final Telemetry telemetry;
    private final List<EventDispatcher> dispatchers;
    private final Middleware.Next<Event> pipeline;

    SimpleEventQueue(Units units, Telemetry telemetry, List<EventDispatcher> dispatchers,
            List<? extends Middleware<Event>> middleware) {
        this.units = units;
        this.telemetry = telemetry;
        this.dispatchers = Pipeline.byPriority(dispatchers);
        this.pipeline = Pipeline.<Event>chain(middleware, this::offer);
    }

    @Override
    public Metadata enqueue(Event event) {
        Objects.requireNonNull(event, "event");
        Unit unit = units.current();
        Metadata metadata;
        if (unit == null || unit.current == null) {
            metadata = Metadata.create(null);
        } else {
            Metadata cause = unit.current.metadata();
            metadata = cause.next(cause.entityId(), cause.sequenceNo());
        }
        enqueue(new Envelope<>(event, metadata));
        return metadata;
    }

    @Override
    public void enqueue(Envelope<? extends Event> envelope) {
        Objects.requireNonNull(envelope, "envelope");
        Unit unit = units.begin();
        boolean succeeded = false;
        try {
            if (unit.inSagaHandler) {
                unit.defer(envelope);
            } else {
                dispatch(envelope);
            }
            succeeded = true;
        } finally {
            units.end(unit, succeeded);
        }
    }

    private void dispatch(Envelope<? extends Event> envelope) {
        Telemetry.Step step = telemetry.begin(Telemetry.ENQUEUE, envelope);
        try {
            pipeline.proceed(envelope);
        } catch (RuntimeException | Error e) {
            step.failed(e);
            throw e;
        } finally {
            step.end();
        }
    }

    private void offer(Envelope<? extends Event> envelope) {
        for (EventDispatcher dispatcher : dispatchers) {
            dispatcher.dispatch(envelope);
        }
    }
}
