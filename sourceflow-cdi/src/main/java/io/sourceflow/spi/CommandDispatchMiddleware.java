package io.sourceflow.spi;

import io.sourceflow.Command;

/** Runs around the dispatch of a command to every {@link CommandDispatcher}, after its sequence number is claimed. */
public interface CommandDispatchMiddleware extends Middleware<Command> {
}
