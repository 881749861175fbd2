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
 * The {@link EventQueue} bean, a {@link HandlerAwareQueue}: called from a handler method (a saga's
 * {@code raise}), the event is deferred in the handler's {@link HandlerContext}; called from
 * elsewhere, it joins or starts a JTA transaction ({@link TransactionalEventQueue}) and is delivered
 * at once.
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

    private transient EventQueue queue;

    @Override
    public Metadata enqueue(Event event) {
        return queue().enqueue(event);
    }

    @Override
    public void enqueue(Envelope<? extends Event> envelope) {
        queue().enqueue(envelope);
    }

    private EventQueue queue() {
        EventQueue resolved = queue;
        if (resolved == null) {
            resolved = new HandlerAwareQueue(handlers.get(), TransactionalEventQueue.thrown(queues.get()));
            queue = resolved;
        }
        return resolved;
    }
}
