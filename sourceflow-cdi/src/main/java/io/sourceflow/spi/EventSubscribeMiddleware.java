package io.sourceflow.spi;

import io.sourceflow.Event;

/** Runs around the delivery of an event to the local views and aggregates. */
public interface EventSubscribeMiddleware extends Middleware<Event> {
}
