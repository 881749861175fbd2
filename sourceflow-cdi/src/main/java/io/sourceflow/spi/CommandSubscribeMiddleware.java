package io.sourceflow.spi;

import io.sourceflow.Command;

/** Runs around the delivery of a command to its local saga. */
public interface CommandSubscribeMiddleware extends Middleware<Command> {
}
