package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The {@link CommandBus} bean. Each call joins the caller's JTA transaction, or runs in a new one
 * when there is none and the container provides JTA (a plain call without JTA). When the bus
 * started the transaction itself and the work failed for a transient reason (a concurrency
 * conflict), it is retried in a fresh transaction, up to {@code sourceflow.bus.max-attempts} times.
 * Called from a handler, it joins the work under way directly.
 */
@ApplicationScoped
public class CdiCommandBus implements CommandBus {

    @Inject
    SourceFlowRuntime runtime;

    @Inject
    TransactionalCommandBus transactional;

    @Override
    public Metadata publish(Command command) {
        if (runtime.processing()) {
            return runtime.bus().publish(command);
        }
        return runtime.retry().call(() -> transactional.publish(command));
    }

    @Override
    public Metadata publish(Envelope<? extends Command> envelope) {
        if (runtime.processing()) {
            return runtime.bus().publish(envelope);
        }
        return runtime.retry().call(() -> transactional.publish(envelope));
    }

    @Override
    public long replay(EntityRef entity) {
        if (runtime.processing()) {
            return runtime.bus().replay(entity);
        }
        return runtime.retry().call(() -> transactional.replay(entity));
    }
}
