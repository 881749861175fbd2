package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.EventQueue;
import io.sourceflow.Metadata;
import io.sourceflow.spi.EventDispatcher;
import java.util.Objects;

/**
 * The event queue for events enqueued outside a handler: offers the event to the event dispatchers
 * and has the bus follow up what their handlers deferred. (Events a handler raises are deferred in
 * its {@link HandlerContext} and delivered by the bus.)
 */
final class SimpleEventQueue implements EventQueue {

    private final EventDispatcher events;
    private final SimpleCommandBus bus;

    SimpleEventQueue(EventDispatcher events, SimpleCommandBus bus) {
        this.events = events;
        this.bus = bus;
    }

    @Override
    public Metadata enqueue(Event event) {
        Objects.requireNonNull(event, "event");
        Metadata metadata = Metadata.create(null);
        enqueue(new Envelope<>(event, metadata));
        return metadata;
    }

    @Override
    public void enqueue(Envelope<? extends Event> envelope) {
        Objects.requireNonNull(envelope, "envelope");
        bus.follow(events.dispatch(envelope));
    }
}
