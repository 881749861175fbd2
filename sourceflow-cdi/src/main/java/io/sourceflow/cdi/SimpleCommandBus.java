package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.CommandBus;
import io.sourceflow.EntityNotFoundException;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.Metadata;
import io.sourceflow.spi.CommandDispatcher;
import io.sourceflow.spi.CommandStore;
import io.sourceflow.spi.EventDispatcher;
import io.sourceflow.spi.KeyedStore;
import io.sourceflow.spi.Outcome;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The command bus, top to bottom on the caller's thread: claim the sequence number by appending
 * the command to the log, hand it to the dispatchers, then deliver the events its handler deferred
 * to the event dispatchers and publish the commands it deferred, each the same way, depth first.
 * Dispatchers return what their handlers deferred; none calls back into the bus. A command a
 * dispatcher forwards to another application is not appended here (it is logged where it is
 * handled). A replay re-dispatches the logged commands, marked replayed, appending nothing.
 */
final class SimpleCommandBus implements CommandBus {

    private final CommandStore log;
    private final CommandDispatcher commands;
    private final EventDispatcher events;
    private final ReplayReset reset;
    private final ClassValue<Boolean> forwarded;

    SimpleCommandBus(CommandStore log, CommandDispatcher commands, EventDispatcher events, ReplayReset reset) {
        this.log = log;
        this.commands = commands;
        this.events = events;
        this.reset = reset;
        this.forwarded = new ClassValue<>() {
            @Override
            @SuppressWarnings("unchecked")
            protected Boolean computeValue(Class<?> type) {
                return commands.forwards((Class<? extends Command>) type);
            }
        };
    }

    @Override
    public Metadata publish(Command command) {
        Objects.requireNonNull(command, "command");
        return publish(new Envelope<>(command, Metadata.create(command.entity().id())));
    }

    @Override
    public Metadata publish(Envelope<? extends Command> envelope) {
        Objects.requireNonNull(envelope, "envelope");
        String entityId = envelope.message().entity().id();
        Envelope<? extends Command> logged = entityId.equals(envelope.metadata().entityId())
                ? envelope
                : envelope.with(envelope.metadata().withEntityId(entityId));
        if (logged.metadata().isRemote() || !forwarded.get(logged.message().getClass())) {
            logged = logged.with(logged.metadata().withSequenceNo(log.append(logged)));
        }
        follow(commands.dispatch(logged));
        return logged.metadata();
    }

    /** Delivers the deferred events, then publishes the deferred commands. */
    void follow(Outcome outcome) {
        if (outcome.isEmpty()) {
            return;
        }
        List<Envelope<? extends Event>> raised = outcome.events();
        for (int i = 0; i < raised.size(); i++) {
            follow(events.dispatch(raised.get(i)));
        }
        List<Envelope<? extends Command>> published = outcome.commands();
        for (int i = 0; i < published.size(); i++) {
            publish(published.get(i));
        }
    }

    @Override
    public long replay(EntityRef entity) {
        Objects.requireNonNull(entity, "entity");
        try (Stream<Envelope<Command>> logged = log.load(entity.id())) {
            Iterator<Envelope<Command>> commandsInOrder = logged.iterator();
            if (!commandsInOrder.hasNext()) {
                throw new EntityNotFoundException("Cannot replay entity '" + entity.id() + "': it has no logged command");
            }
            reset.reset(entity.id());
            long count = 0;
            while (commandsInOrder.hasNext()) {
                Envelope<Command> command = commandsInOrder.next();
                follow(commands.dispatch(command.with(command.metadata().withReplay(true))));
                count++;
            }
            return count;
        }
    }

    /**
     * What a replay starts from: the entity and the view models kept under its id are deleted, so
     * that re-running the log rebuilds them exactly as the first run did.
     */
    record ReplayReset(Set<Class<?>> entityTypes, Set<Class<?>> viewModelTypes, KeyedStore entities, KeyedStore views) {

        void reset(String entityId) {
            entityTypes.forEach(type -> entities.delete(type, entityId));
            viewModelTypes.forEach(type -> views.delete(type, entityId));
        }
    }
}
