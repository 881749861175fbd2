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
import java.util.stream.Stream;

/**
 * The command bus, top to bottom on the caller's thread: claim the sequence number by appending
 * the command to the log, hand it to the dispatchers, then deliver the events its handler deferred
 * to the event dispatchers and publish the commands it deferred, each the same way, depth first.
 * Dispatchers return what their handlers deferred; none calls back into the bus. A command a
 * dispatcher forwards to another application is not appended here (it is logged where it is
 * handled). A command's entity is the type its saga keeps, named in the metadata, and its id. A
 * replay re-dispatches one entity's logged commands, marked replayed, appending nothing, holding the
 * entity's lock so that none is appended meanwhile.
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
        String entityType = reset.types().entityTypeOf(envelope.message().getClass());
        Metadata metadata = envelope.metadata();
        if (!entityId.equals(metadata.entityId())) {
            metadata = metadata.withEntityId(entityId);
        }
        if (!entityType.equals(metadata.entityType())) {
            metadata = metadata.withEntityType(entityType);
        }
        Envelope<? extends Command> logged = metadata == envelope.metadata() ? envelope : envelope.with(metadata);
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
    public long replay(Class<?> entityType, EntityRef entity) {
        Objects.requireNonNull(entity, "entity");
        String type = reset.types().of(entityType, entity.id(), log).orElseThrow(() -> new EntityNotFoundException(
                "Cannot replay entity '" + entity.id() + "': it has no logged command"));
        log.lock(type, entity.id());
        try (Stream<Envelope<Command>> logged = log.load(type, entity.id())) {
            Iterator<Envelope<Command>> commandsInOrder = logged.iterator();
            if (!commandsInOrder.hasNext()) {
                throw new EntityNotFoundException("Cannot replay entity '" + entity.id() + "' of type '" + type
                        + "': it has no logged command");
            }
            reset.reset(type, entity.id());
            reset.views().begin();
            try {
                long count = 0;
                long last = 0;
                while (commandsInOrder.hasNext()) {
                    Envelope<Command> command = commandsInOrder.next();
                    follow(commands.dispatch(command.with(command.metadata().withReplay(true))));
                    last = command.metadata().sequenceNo();
                    count++;
                }
                reset.passed(type, entity.id(), last);
                reset.flush();
                return count;
            } finally {
                reset.views().end();
            }
        }
    }

    /**
     * What a replay starts from: the entity is deleted, and each view model its events reach is
     * cleared when the first one does ({@link ReplayedViews}), so that re-running the log rebuilds
     * them exactly as the first run did; and how it ends: the stores flush what they hold back.
     */
    record ReplayReset(LoggedTypes types, KeyedStore entities, KeyedStore models, ReplayedViews views, RebuildScope rebuilds,
            KeyedStore states) {

        void reset(String entityType, String entityId) {
            Class<?> entity = types.entityNamed(entityType);
            if (entity != null) {
                entities.delete(entity, entityId);
            }
        }

        /** Records that the views a rebuild's replay rebuilds alone have passed the entity's commands ({@link RebuildScope#passed}). */
        void passed(String entityType, String entityId, long lastSequenceNo) {
            rebuilds.passed(models, states, entityType, entityId, lastSequenceNo);
        }

        /** Writes the replay's result now, so that a conflict with another writer fails inside the replay. */
        void flush() {
            entities.flush();
            models.flush();
        }
    }
}
