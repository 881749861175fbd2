package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.spi.EventDispatcher;
import io.sourceflow.spi.Outcome;

/**
 * Traces an event dispatcher's work as spans of one name: {@value Telemetry#ENQUEUE} around the
 * delivery of an event to every dispatcher, {@value Telemetry#PROJECT} around one view's projection.
 */
final class TracingEventDispatcher implements EventDispatcher {

    private final EventDispatcher delegate;
    private final Telemetry telemetry;
    private final String operation;

    TracingEventDispatcher(EventDispatcher delegate, Telemetry telemetry, String operation) {
        this.delegate = delegate;
        this.telemetry = telemetry;
        this.operation = operation;
    }

    @Override
    public Outcome dispatch(Envelope<? extends Event> envelope) {
        return Telemetry.run(telemetry.begin(operation, envelope), step -> delegate.dispatch(envelope));
    }

    @Override
    public int getPriority() {
        return delegate.getPriority();
    }
}
