package io.sourceflow.jms;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.Message;
import io.sourceflow.spi.EventDispatcher;
import io.sourceflow.spi.Outcome;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Publishes the event types routed by {@code sourceflow.jms.routed-events} to the event topic, in
 * the caller's transaction, after the local aggregates and views have had them. Events that arrived
 * over JMS ({@code origin=REMOTE}) are never published again, and nothing is published during a
 * replay.
 */
@Singleton
public class JmsEventDispatcher implements EventDispatcher {

    /** Offered events after the local dispatcher (1000), so a local failure sends nothing. */
    public static final int PRIORITY = 2000;

    @Inject
    JmsResources resources;
    @Inject
    JmsSender sender;

    private ClassValue<Boolean> routed;

    @PostConstruct
    void start() {
        JmsSettings settings = resources.settings();
        routed = new ClassValue<>() {
            @Override
            @SuppressWarnings("unchecked")
            protected Boolean computeValue(Class<?> type) {
                return settings.routesEvent(resources.types().aliasOf((Class<? extends Message>) type));
            }
        };
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public Outcome dispatch(Envelope<? extends Event> envelope) {
        if (!envelope.metadata().isRemote() && !envelope.metadata().replay() && routed.get(envelope.message().getClass())) {
            sender.send(envelope, true);
        }
        return Outcome.DECLINED;
    }
}
