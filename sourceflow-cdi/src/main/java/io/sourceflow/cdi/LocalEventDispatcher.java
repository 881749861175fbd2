package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.Metadata;
import io.sourceflow.spi.EventDispatcher;
import io.sourceflow.spi.Middleware;
import io.sourceflow.spi.ViewModelStore;
import java.util.List;

/**
 * Delivers events to the local views ({@code @Projects}) and then the local aggregates
 * ({@code @Subscribes}), inside the event-subscribe middleware. A view's model is loaded and saved
 * under the event's entity id.
 */
final class LocalEventDispatcher implements EventDispatcher {

    static final int PRIORITY = 1000;

    private final HandlerRegistry registry;
    private final ViewModelStore views;
    private final Units units;
    private final Telemetry telemetry;
    private final Middleware.Next<Event> pipeline;

    LocalEventDispatcher(HandlerRegistry registry, ViewModelStore views, Units units, Telemetry telemetry,
            List<? extends Middleware<Event>> middleware) {
        this.registry = registry;
        this.views = views;
        this.units = units;
        this.telemetry = telemetry;
        this.pipeline = Pipeline.<Event>chain(middleware, this::deliver);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public void dispatch(Envelope<? extends Event> envelope) {
        Class<?> type = envelope.message().getClass();
        if (registry.projectionsOf(type).length > 0 || registry.subscribersOf(type).length > 0) {
            pipeline.proceed(envelope);
        }
    }

    private void deliver(Envelope<? extends Event> envelope) {
        Unit unit = units.begin();
        Envelope<?> cause = unit.current;
        unit.current = envelope;
        boolean succeeded = false;
        try {
            Class<?> type = envelope.message().getClass();
            for (Handler view : registry.projectionsOf(type)) {
                project(view, envelope);
            }
            for (Handler aggregate : registry.subscribersOf(type)) {
                aggregate.invoke(null, envelope.message(), envelope.metadata());
            }
            succeeded = true;
        } finally {
            unit.current = cause;
            units.end(unit, succeeded);
        }
    }

    @SuppressWarnings("unchecked")
    private void project(Handler view, Envelope<? extends Event> envelope) {
        Metadata metadata = envelope.metadata();
        String id = metadata.entityId();
        Class<Object> modelType = (Class<Object>) view.stateType();
        Telemetry.Step step = telemetry.begin(Telemetry.PROJECT, envelope);
        try {
            Object current = id == null ? null : views.find(modelType, id).orElse(null);
            Object model = view.invoke(current, envelope.message(), metadata);
            if (model != null) {
                if (id == null) {
                    throw new IllegalStateException(view.method().describe() + " returned a view model for "
                            + envelope.message().getClass().getSimpleName() + ", which has no entity id to keep it"
                            + " under; raise the event from a saga handler, or persist the model yourself");
                }
                views.persist(modelType, id, model);
            }
        } catch (RuntimeException | Error e) {
            step.failed(e);
            throw e;
        } finally {
            step.end();
        }
    }
}
