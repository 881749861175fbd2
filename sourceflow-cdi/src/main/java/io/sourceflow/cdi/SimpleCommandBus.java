package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.CommandBus;
import io.sourceflow.EntityNotFoundException;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;
import io.sourceflow.NoHandlerException;
import io.sourceflow.spi.CommandDispatcher;
import io.sourceflow.spi.CommandStore;
import io.sourceflow.spi.KeyedStore;
import io.sourceflow.spi.Middleware;
import io.sourceflow.spi.MessageTypes;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The command bus: claims the sequence number, appends to the log, then runs the command-dispatch
 * middleware and offers the command to every dispatcher, all on the caller's thread and in its
 * unit of work. A command a dispatcher forwards to another application is not appended here (it is
 * logged where it is handled). Replays re-dispatch the logged commands without appending anything.
 */
final class SimpleCommandBus implements CommandBus {

    private final CommandStore log;
    private final Units units;
    private final Telemetry telemetry;
    private final MessageTypes types;
    private final List<CommandDispatcher> dispatchers;
    private final Middleware.Next<Command> pipeline;
    private final ReplayReset reset;
    private final ClassValue<Boolean> forwarded;

    SimpleCommandBus(CommandStore log, Units units, Telemetry telemetry, MessageTypes types,
            List<CommandDispatcher> dispatchers, List<? extends Middleware<Command>> middleware, ReplayReset reset) {
        this.log = log;
        this.units = units;
        this.telemetry = telemetry;
        this.types = types;
        this.dispatchers = Pipeline.byPriority(dispatchers);
        this.forwarded = new ClassValue<>() {
            @Override
            @SuppressWarnings("unchecked")
            protected Boolean computeValue(Class<?> type) {
                return SimpleCommandBus.this.dispatchers.stream().anyMatch(d -> d.forwards((Class<? extends Command>) type));
            }
        };
        this.pipeline = Pipeline.<Command>chain(middleware, this::offer);
        this.reset = reset;
    }

    @Override
    public Metadata publish(Command command) {
        Objects.requireNonNull(command, "command");
        String entityId = command.entity().id();
        Unit unit = units.current();
        Metadata metadata = unit == null || unit.current == null
                ? Metadata.create(entityId)
                : unit.current.metadata().next(entityId, 0);
        return publish(new Envelope<>(command, metadata));
    }

    @Override
    public Metadata publish(Envelope<? extends Command> envelope) {
        Objects.requireNonNull(envelope, "envelope");
        String entityId = envelope.message().entity().id();
        Envelope<? extends Command> target = entityId.equals(envelope.metadata().entityId())
                ? envelope
                : envelope.with(envelope.metadata().withEntityId(entityId));
        Unit unit = units.begin();
        boolean succeeded = false;
        try {
            Metadata result = target.metadata();
            if (unit.replaying) {
                result = target.metadata().withReplay(true);
            } else if (unit.inSagaHandler) {
                unit.deferCommand(target);
            } else {
                result = appendAndDispatch(target);
            }
            succeeded = true;
            return result;
        } finally {
            units.end(unit, succeeded);
        }
    }

    private Metadata appendAndDispatch(Envelope<? extends Command> envelope) {
        Telemetry.Step step = telemetry.begin(Telemetry.PUBLISH, envelope);
        try {
            Envelope<? extends Command> logged = envelope;
            if (envelope.metadata().isRemote() || !forwarded.get(envelope.message().getClass())) {
                long sequenceNo = append(envelope);
                step.sequenceNo(sequenceNo);
                logged = envelope.with(envelope.metadata().withSequenceNo(sequenceNo));
            }
            pipeline.proceed(logged);
            return logged.metadata();
        } catch (RuntimeException | Error e) {
            step.failed(e);
            throw e;
        } finally {
            step.end();
        }
    }

    private long append(Envelope<? extends Command> envelope) {
        Telemetry.Step step = telemetry.begin(Telemetry.APPEND, envelope);
        try {
            long sequenceNo = log.append(envelope);
            step.sequenceNo(sequenceNo);
            return sequenceNo;
        } catch (RuntimeException | Error e) {
            step.failed(e);
            throw e;
        } finally {
            step.end();
        }
    }

    /** The end of the middleware chain: every dispatcher is offered the command; one must take it. */
    private void offer(Envelope<? extends Command> envelope) {
        boolean taken = false;
        for (CommandDispatcher dispatcher : dispatchers) {
            taken |= dispatcher.dispatch(envelope);
        }
        if (!taken) {
            Class<? extends Command> type = envelope.message().getClass();
            throw new NoHandlerException("No handler for command " + type.getName() + " (alias '" + types.aliasOf(type)
                    + "') for entity '" + envelope.metadata().entityId() + "' #" + envelope.metadata().sequenceNo()
                    + ": no saga here handles it and no dispatcher routes it elsewhere");
        }
    }

    @Override
    public long replay(EntityRef entity) {
        Objects.requireNonNull(entity, "entity");
        Unit unit = units.begin();
        boolean succeeded = false;
        boolean wasReplaying = unit.replaying;
        try (Stream<Envelope<Command>> commands = log.load(entity.id())) {
            long count = replay(entity, commands.iterator(), unit);
            succeeded = true;
            return count;
        } finally {
            unit.replaying = wasReplaying;
            units.end(unit, succeeded);
        }
    }

    private long replay(EntityRef entity, Iterator<Envelope<Command>> commands, Unit unit) {
        if (!commands.hasNext()) {
            throw new EntityNotFoundException("Cannot replay entity '" + entity.id() + "': it has no logged command");
        }
        reset.reset(entity.id());
        unit.replaying = true;
        long count = 0;
        Telemetry.Step step = Telemetry.Step.NONE;
        try {
            while (commands.hasNext()) {
                Envelope<Command> logged = commands.next();
                Envelope<Command> replayed = logged.with(logged.metadata().withReplay(true));
                if (count == 0) {
                    step = telemetry.begin(Telemetry.REPLAY, replayed);
                }
                pipeline.proceed(replayed);
                count++;
            }
            return count;
        } catch (RuntimeException | Error e) {
            step.failed(e);
            throw e;
        } finally {
            step.end();
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
