package io.sourceflow;

/**
 * A message handled by SourceFlow: either a {@link Command} or an {@link Event}.
 *
 * <p>Messages are immutable values, typically records. The framework carries their
 * {@link Metadata} beside them in an {@link Envelope}, never inside them.
 */
public sealed interface Message permits Command, Event {
}
