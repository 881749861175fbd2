package io.sourceflow.spi;

import io.sourceflow.Command;
import io.sourceflow.Event;

/**
 * What the {@link io.sourceflow.Saga} base class uses to raise events and publish commands. The
 * runtime provides it; while a handler runs, it hands messages straight to the work under way,
 * with no container proxy or transaction boundary in between. Applications use
 * {@link io.sourceflow.CommandBus} and {@link io.sourceflow.EventQueue} instead.
 */
public interface HandlerSupport {

    /**
     * Raises an event: deferred until the running saga's entity is persisted.
     *
     * @param event the event
     */
    void raise(Event event);

    /**
     * Publishes a command: deferred until the running saga's entity is persisted and its events
     * delivered; nothing happens during a replay.
     *
     * @param command the command
     */
    void publish(Command command);
}
