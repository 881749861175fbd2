package io.sourceflow;

/**
 * Hands events to every event dispatcher (the local aggregates and views, and transports).
 *
 * <p>Inside a saga handler, {@link Saga#raise(Event)} uses this queue; events enqueued while a
 * command is handled inherit its entity id, sequence number, correlation and replay flag, and are
 * delivered after the saga's entity has been persisted.
 */
public interface EventQueue {

    /**
     * Enqueues an event raised by this application.
     *
     * @param event the event
     * @return the event's metadata
     */
    Metadata enqueue(Event event);

    /**
     * Enqueues an event with metadata of its own, for example one received from another server.
     *
     * @param envelope the event and its metadata
     */
    void enqueue(Envelope<? extends Event> envelope);
}
