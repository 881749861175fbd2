package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.spi.EventDispatcher;
import io.sourceflow.spi.Outcome;

/**
 * A view's projection or an aggregate's subscription, passed by in a replay that rebuilds other views
 * alone ({@link RebuildScope}): such a replay reaches the views it names and nothing else.
 */
final class OutsideRebuild implements EventDispatcher {

    private final EventDispatcher handler;
    private final String view;
    private final RebuildScope scope;

    /**
     * @param handler the projection or subscription
     * @param view the view's class name, or null for an aggregate
     * @param scope the replay's scope
     */
    OutsideRebuild(EventDispatcher handler, String view, RebuildScope scope) {
        this.handler = handler;
        this.view = view;
        this.scope = scope;
    }

    @Override
    public Outcome dispatch(Envelope<? extends Event> envelope) {
        return envelope.metadata().replay() && scope.passesBy(view) ? Outcome.DECLINED : handler.dispatch(envelope);
    }

    @Override
    public int getPriority() {
        return handler.getPriority();
    }
}
