package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.spi.EventDispatcher;
import io.sourceflow.spi.Outcome;
import jakarta.enterprise.inject.spi.BeanManager;

/**
 * Hands each event raised in this application to the application's CDI observers of its type, as a
 * CDI event. An observer of a transaction phase runs after the transaction that raised the event:
 * {@code void mail(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountUpdated e)} once the
 * work committed, never for work rolled back (a failed attempt that the bus retries, a delivery that
 * fails). Events raised during a replay are not fired (they were fired when first raised), nor
 * events received from another server (their own server fired them), nor an event of a redelivered
 * message that the inbox skips (nothing is raised again). Observers without a phase run at once,
 * inside the transaction, as handlers do: a failure there fails the command, and a retried attempt
 * notifies them again. Offered after the views and the transport, so an observer sees the event
 * only once its own server's handling of it went through.
 */
final class ObserverEvents implements EventDispatcher {

    /** After the local dispatcher (1000) and a transport's (2000). */
    static final int PRIORITY = 3000;

    /** The CDI event of each event type, resolved once per type. */
    private final ClassValue<jakarta.enterprise.event.Event<Object>> cdiEvents;

    ObserverEvents(BeanManager beans) {
        this.cdiEvents = new ClassValue<>() {
            @Override
            @SuppressWarnings("unchecked")
            protected jakarta.enterprise.event.Event<Object> computeValue(Class<?> type) {
                return beans.getEvent().select((Class<Object>) type);
            }
        };
    }

    @Override
    public Outcome dispatch(Envelope<? extends Event> envelope) {
        if (!envelope.metadata().replay() && !envelope.metadata().isRemote()) {
            fire(envelope.message());
        }
        return Outcome.DECLINED;
    }

    private void fire(Object event) {
        cdiEvents.get(event.getClass()).fire(event);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}
