package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.HandlerFailedException;
import io.sourceflow.Metadata;
import io.sourceflow.spi.EventDispatcher;
import io.sourceflow.spi.Outcome;
import io.sourceflow.spi.SafeText;
import io.sourceflow.spi.ViewModelStore;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * One view's {@code @Projects} method: loads the view model kept under the event's entity id (or
 * under the event's key property, {@link io.sourceflow.Projects#key()}), projects the event with a
 * {@link HandlerContext} bound, and persists the model it returns. In a replay, the first event that
 * reaches a model kept under the entity's id starts it from empty ({@link ReplayedViews}); a model
 * kept under a key is left as it is ({@link NewEventsOnly} passes the events it has applied by).
 */
final class ViewProjection implements EventDispatcher {

    private final Handler view;
    private final ViewModelStore models;
    private final CurrentHandler current;
    private final ReplayedViews replays;
    /** Reads the model's id from the event, as {@code (Object) -> Object}; null for the raising entity's id. */
    private final MethodHandle key;

    ViewProjection(Handler view, ViewModelStore models, CurrentHandler current, ReplayedViews replays) {
        this.key = accessor(view.method().key());
        this.view = view;
        this.models = models;
        this.current = current;
        this.replays = replays;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Outcome dispatch(Envelope<? extends Event> envelope) {
        Metadata metadata = envelope.metadata();
        String id = key == null ? metadata.entityId() : keyOf(envelope);
        Class<Object> modelType = (Class<Object>) view.stateType();
        Object model = null;
        if (key == null && id != null && metadata.replay() && replays.clearFirst(modelType, id)) {
            models.delete(modelType, id);
        } else if (id != null) {
            model = models.find(modelType, id).orElse(null);
        }
        HandlerContext context = current.enter(envelope, view.identity());
        try {
            model = view.invoke(model, envelope.message(), metadata);
        } finally {
            current.leave();
        }
        if (model != null) {
            if (id == null) {
                throw new IllegalStateException(view.method().describe() + " returned a view model for "
                        + envelope.message().getClass().getSimpleName() + ", which has no entity id to keep it"
                        + " under; raise the event from a saga handler, or persist the model yourself");
            }
            models.persist(modelType, id, model);
        }
        return context.outcome();
    }

    private static MethodHandle accessor(Method key) {
        if (key == null) {
            return null;
        }
        key.setAccessible(true);
        try {
            return MethodHandles.lookup().unreflect(key).asType(MethodType.genericMethodType(1));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot access " + key, e);
        }
    }

    /** The model's id from the event's key property ({@link io.sourceflow.Projects#key()}). */
    private String keyOf(Envelope<? extends Event> envelope) {
        Object value;
        try {
            value = (Object) key.invokeExact((Object) envelope.message());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            throw new HandlerFailedException(describeKey(envelope) + " failed: " + checked, checked);
        }
        if (value == null) {
            throw new IllegalStateException(describeKey(envelope) + " is null, so there is no view model to project it into");
        }
        return value.toString();
    }

    private String describeKey(Envelope<? extends Event> envelope) {
        Metadata metadata = envelope.metadata();
        return view.method().describe() + ": the key '" + view.method().key().getName() + "' of "
                + envelope.message().getClass().getSimpleName() + " (entity '" + SafeText.forLog(String.valueOf(metadata.entityId()))
                + "' #" + metadata.sequenceNo() + ")";
    }

    @Override
    public int getPriority() {
        return LocalEventDispatcher.PRIORITY;
    }
}
