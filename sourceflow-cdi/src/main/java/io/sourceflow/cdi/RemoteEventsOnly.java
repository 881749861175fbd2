package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.Metadata;
import io.sourceflow.spi.EventDispatcher;
import io.sourceflow.spi.Outcome;

/**
 * Offers a view only the events that arrived from another server and replayed ones
 * ({@value SourceFlowRuntime#VIEWS_REMOTE_ONLY}): the events raised here reach the views through the
 * event topic. Outside the tracing decorator, so a declined event leaves no projection span.
 */
final class RemoteEventsOnly implements EventDispatcher {

    private final EventDispatcher view;

    RemoteEventsOnly(EventDispatcher view) {
        this.view = view;
    }

    @Override
    public Outcome dispatch(Envelope<? extends Event> envelope) {
        Metadata metadata = envelope.metadata();
        return metadata.isRemote() || metadata.replay() ? view.dispatch(envelope) : Outcome.DECLINED;
    }

    @Override
    public int getPriority() {
        return view.getPriority();
    }
}
