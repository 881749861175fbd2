package io.sourceflow.jpa;

import io.sourceflow.Event;
import io.sourceflow.spi.EventDispatchMiddleware;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Flushes the persistence context after each event has been dispatched, as {@link FlushPerCommand}
 * does after each command: the view models the event's projections changed reach the database
 * inside the event, so that a stale view model (its row changed behind this server's back) surfaces
 * as a {@link io.sourceflow.ConcurrencyException} the caller retries, after the provider's shared
 * cache has been emptied, rather than as a rollback at commit that a redelivery would meet again.
 * Replayed events are not flushed one by one.
 */
@ApplicationScoped
public class FlushPerEvent extends FlushAfterMessage<Event> implements EventDispatchMiddleware {
}
