package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.Serializable;

/**
 * The {@link CommandBus} bean, a {@link HandlerAwareBus}: called from a handler method, a publish is
 * deferred in the handler's {@link HandlerContext}. Called from elsewhere, it goes to the runtime's
 * bus, decorated, outermost first: {@link RetryingCommandBus}
 * (a transient failure is retried in a fresh transaction, up to {@code sourceflow.bus.max-attempts}
 * times, when the bus started the transaction), {@link TransactionalCommandBus} (the caller's JTA
 * transaction or a new one), then the runtime's own chain (see {@link SourceFlowRuntime}). Before those,
 * {@link CallerCommandBus} names the caller's principal in a command's metadata.
 *
 * <p>{@code @Dependent} and serializable, reaching the runtime through {@code Instance}: it can be
 * injected into passivating beans, and it is called with no client proxy.
 */
@Dependent
public class CdiCommandBus implements CommandBus, Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<CurrentHandler> handlers;
    @Inject
    Instance<SourceFlowRuntime> runtimes;
    @Inject
    Instance<TransactionalCommandBus> transactionalBuses;

    private transient CommandBus bus;

    @Override
    public Metadata publish(Command command) {
        return bus().publish(command);
    }

    @Override
    public Metadata publish(Envelope<? extends Command> envelope) {
        return bus().publish(envelope);
    }

    @Override
    public long replay(Class<?> entityType, EntityRef entity) {
        return bus().replay(entityType, entity);
    }

    private CommandBus bus() {
        CommandBus resolved = bus;
        if (resolved == null) {
            SourceFlowRuntime runtime = runtimes.get();
            resolved = new HandlerAwareBus(handlers.get(),
                    new CallerCommandBus(runtime.callers(), runtime.retrying(transactionalBuses.get())));
            bus = resolved;
        }
        return resolved;
    }
}
