package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.Metadata;
import io.sourceflow.spi.EventDispatcher;
import io.sourceflow.spi.Outcome;
import io.sourceflow.spi.ViewModelStore;

/**
 * One view's {@code @Projects} method: loads the view model kept under the event's entity id,
 * projects the event with a {@link HandlerContext} bound, and persists the model it returns. In a
 * replay, the first event that reaches a model starts it from empty ({@link ReplayedViews}).
 */
final class ViewProjection implements EventDispatcher {

    private final Handler view;
    private final ViewModelStore models;
    private final CurrentHandler current;
    private final ReplayedViews replays;

    ViewProjection(Handler view, ViewModelStore models, CurrentHandler current, ReplayedViews replays) {
        this.view = view;
        this.models = models;
        this.current = current;
        this.replays = replays;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Outcome dispatch(Envelope<? extends Event> envelope) {
        Metadata metadata = envelope.metadata();
        String id = metadata.entityId();
        Class<Object> modelType = (Class<Object>) view.stateType();
        Object model = null;
        if (id != null && metadata.replay() && replays.clearFirst(modelType, id)) {
            models.delete(modelType, id);
        } else if (id != null) {
            model = models.find(modelType, id).orElse(null);
        }
        HandlerContext context = current.enter(envelope);
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

    @Override
    public int getPriority() {
        return LocalEventDispatcher.PRIORITY;
    }
}
