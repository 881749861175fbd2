package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.EventQueue;
import io.sourceflow.Metadata;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.Serializable;

/**
 * The {@link EventQueue} bean. Called from a handler method (a saga's {@code raise}), the event is
 * deferred in the handler's {@link HandlerContext}; called from elsewhere, it joins or starts a JTA
 * transaction ({@link TransactionalEventQueue}) and is delivered at once.
 *
 * <p>{@code @Dependent} and serializable, reaching the runtime through {@code Instance}: it can be
 * injected into passivating beans, and it is called with no client proxy (a Weld proxy call
 * allocated an interception stack on every {@code raise}).
 */
@Dependent
public class CdiEventQueue implements EventQueue, Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<CurrentHandler> handlers;
    @Inject
    Instance<TransactionalEventQueue> queues;

    private transient CurrentHandler current;
    private transient TransactionalEventQueue transactional;

    @Override
    public Metadata enqueue(Event event) {
        HandlerContext handler = current().get();
        return handler == null ? transactional().enqueue(event) : handler.raise(event);
    }

    @Override
    public void enqueue(Envelope<? extends Event> envelope) {
        HandlerContext handler = current().get();
        if (handler == null) {
            transactional().enqueue(envelope);
        } else {
            handler.raise(envelope);
        }
    }

    private CurrentHandler current() {
        CurrentHandler resolved = current;
        if (resolved == null) {
            resolved = handlers.get();
            current = resolved;
        }
        return resolved;
    }

    private TransactionalEventQueue transactional() {
        TransactionalEventQueue resolved = transactional;
        if (resolved == null) {
            resolved = queues.get();
            transactional = resolved;
        }
        return resolved;
    }
}
