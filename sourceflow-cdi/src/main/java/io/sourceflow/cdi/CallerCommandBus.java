package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;
import java.util.function.Supplier;

/**
 * Names the caller in the metadata of the commands application code publishes ({@link Metadata#PRINCIPAL}):
 * a command with no principal named yet gets the name of the caller's authenticated principal, when there is
 * one. A command received from another server ({@link Metadata#isRemote()}) keeps what it carries, and one
 * published by a handler inherits its cause's (see {@link Metadata#next}), so that the events and commands a
 * request causes, here and on other servers, all name who made it.
 */
final class CallerCommandBus implements CommandBus {

    private final Supplier<String> caller;
    private final CommandBus bus;

    /**
     * Wraps a bus.
     *
     * @param caller the current caller's principal name, or {@code null} when none is authenticated
     * @param bus the bus that handles the commands
     */
    CallerCommandBus(Supplier<String> caller, CommandBus bus) {
        this.caller = caller;
        this.bus = bus;
    }

    @Override
    public Metadata publish(Command command) {
        return publish(new Envelope<>(command, Metadata.create(command.entity().id())));
    }

    @Override
    public Metadata publish(Envelope<? extends Command> envelope) {
        Metadata metadata = envelope.metadata();
        if (metadata.isRemote() || metadata.principal() != null) {
            return bus.publish(envelope);
        }
        String name = caller.get();
        return bus.publish(name == null ? envelope : envelope.with(metadata.withPrincipal(name)));
    }

    @Override
    public long replay(Class<?> entityType, EntityRef entity) {
        return bus.replay(entityType, entity);
    }
}
