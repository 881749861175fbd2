package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.CommandBus;
import io.sourceflow.Event;
import io.sourceflow.EventQueue;
import io.sourceflow.spi.HandlerSupport;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Gives sagas the runtime's bus and queue directly while a handler runs; outside a handler it
 * goes through the {@link CommandBus} and {@link EventQueue} beans (and their transactions).
 */
@Singleton
public class DirectHandlerSupport implements HandlerSupport {

    @Inject
    Instance<SourceFlowRuntime> runtimes;
    @Inject
    CommandBus bus;
    @Inject
    EventQueue queue;

    private volatile SourceFlowRuntime runtime;

    @Override
    public void raise(Event event) {
        SourceFlowRuntime runtime = runtime();
        if (runtime.processing()) {
            runtime.queue().enqueue(event);
        } else {
            queue.enqueue(event);
        }
    }

    @Override
    public void publish(Command command) {
        SourceFlowRuntime runtime = runtime();
        if (runtime.processing()) {
            runtime.bus().publish(command);
        } else {
            bus.publish(command);
        }
    }

    /** Resolved on first use: the runtime creates the sagas this bean is injected into. */
    private SourceFlowRuntime runtime() {
        SourceFlowRuntime resolved = runtime;
        if (resolved == null) {
            resolved = runtimes.get();
            runtime = resolved;
        }
        return resolved;
    }
}
