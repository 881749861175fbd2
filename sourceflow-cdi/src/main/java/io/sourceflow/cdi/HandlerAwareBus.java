package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;

/**
 * The bus handed to application code. Called from a handler method, a publish is deferred in the
 * handler's {@link HandlerContext} (the bus publishes it once the handler's own work is done) and a
 * replay is refused; called from elsewhere, it goes to the given bus.
 */
final class HandlerAwareBus implements CommandBus {

    private final CurrentHandler current;
    private final CommandBus bus;

    HandlerAwareBus(CurrentHandler current, CommandBus bus) {
        this.current = current;
        this.bus = bus;
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
    public long replay(Class<?> entityType, EntityRef entity) {
        if (current.get() != null) {
            throw new IllegalStateException("Cannot replay entity '" + entity.id() + "' from inside a handler method:"
                    + " a replay rebuilds entities and views that handlers are working on; start it from outside");
        }
        return bus.replay(entityType, entity);
    }
}
