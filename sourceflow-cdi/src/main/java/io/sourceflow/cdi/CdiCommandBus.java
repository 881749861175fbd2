package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The {@link CommandBus} bean. Called from a handler method, a publish is deferred in the handler's
 * {@link HandlerContext} (the bus publishes it once the handler's own work is done). Called from
 * elsewhere, it goes to the runtime's bus, decorated, outermost first: {@link RetryingCommandBus}
 * (a transient failure is retried in a fresh transaction, up to {@code sourceflow.bus.max-attempts}
 * times, when the bus started the transaction), {@link TransactionalCommandBus} (the caller's JTA
 * transaction or a new one), then the runtime's own chain (see {@link SourceFlowRuntime}).
 */
@ApplicationScoped
public class CdiCommandBus implements CommandBus {

    @Inject
    CurrentHandler current;
    @Inject
    SourceFlowRuntime runtime;
    @Inject
    TransactionalCommandBus transactional;

    private CommandBus bus;

    @PostConstruct
    void compose() {
        bus = runtime.retrying(transactional);
    }

    @Override
    public Metadata publish(Command command) {
        HandlerContext handler = current.get();
        return handler == null ? bus.publish(command) : handler.publish(command);
    }

    @Override
    public Metadata publish(Envelope<? extends Command> envelope) {
        HandlerContext handler = current.get();
        return handler == null ? bus.publish(envelope) : handler.publish(envelope);
    }

    @Override
    public long replay(EntityRef entity) {
        if (current.get() != null) {
            throw new IllegalStateException("Cannot replay entity '" + entity.id() + "' from inside a handler method:"
                    + " a replay rebuilds entities and views that handlers are working on; start it from outside");
        }
        return bus.replay(entity);
    }
}
