package io.sourceflow.spi;

import io.sourceflow.Event;

/** Runs around the dispatch of an event to every {@link EventDispatcher}. */
public interface EventDispatchMiddleware extends Middleware<Event> {
}
