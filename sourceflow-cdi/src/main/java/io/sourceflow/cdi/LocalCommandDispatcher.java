package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.EntityExistsException;
import io.sourceflow.EntityNotFoundException;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.EventQueue;
import io.sourceflow.spi.CommandDispatcher;
import io.sourceflow.spi.EntityStore;
import io.sourceflow.spi.Middleware;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Hands commands to the local saga that handles their type, inside the command-subscribe
 * middleware: creates or loads the entity, calls the handler, persists the entity it returns, then
 * delivers the events the handler raised and publishes the commands it published.
 */
final class LocalCommandDispatcher implements CommandDispatcher {

    static final int PRIORITY = 1000;

    private final HandlerRegistry registry;
    private final EntityStore entities;
    private final Units units;
    private final Telemetry telemetry;
    private final EventQueue events;
    private final Consumer<Envelope<? extends Command>> commands;
    private final Middleware.Next<Command> pipeline;

    LocalCommandDispatcher(HandlerRegistry registry, EntityStore entities, Units units, Telemetry telemetry,
            EventQueue events, Consumer<Envelope<? extends Command>> commands,
            List<? extends Middleware<Command>> middleware) {
        this.registry = registry;
        this.entities = entities;
        this.units = units;
        this.telemetry = telemetry;
        this.events = events;
        this.commands = commands;
        this.pipeline = Pipeline.<Command>chain(middleware, this::handle);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public boolean dispatch(Envelope<? extends Command> envelope) {
        if (registry.sagaFor(envelope.message().getClass()) == null) {
            return false;
        }
        pipeline.proceed(envelope);
        return true;
    }

    private void handle(Envelope<? extends Command> envelope) {
        SagaHandler saga = registry.sagaFor(envelope.message().getClass());
        Telemetry.Step step = telemetry.begin(Telemetry.HANDLE, envelope);
        Unit unit = units.begin();
        Envelope<?> cause = unit.current;
        boolean enclosingSaga = unit.inSagaHandler;
        List<Envelope<? extends Event>> enclosingEvents = unit.deferredEvents;
        List<Envelope<? extends Command>> enclosingCommands = unit.deferredCommands;
        boolean succeeded = false;
        try {
            unit.current = envelope;
            Object entity = load(saga, envelope.message().entity(), envelope);
            unit.inSagaHandler = true;
            unit.deferredEvents = null;
            unit.deferredCommands = null;
            Object state;
            try {
                state = invoke(saga, entity, envelope);
            } finally {
                unit.inSagaHandler = false;
            }
            entities.persist(saga.entityType(), envelope.metadata().entityId(), cast(saga, state));
            List<Envelope<? extends Event>> raised = unit.deferredEvents;
            List<Envelope<? extends Command>> published = unit.deferredCommands;
            unit.deferredEvents = null;
            unit.deferredCommands = null;
            if (raised != null) {
                raised.forEach(events::enqueue);
            }
            if (published != null) {
                published.forEach(commands);
            }
            succeeded = true;
        } catch (RuntimeException | Error e) {
            step.failed(e);
            throw e;
        } finally {
            unit.current = cause;
            unit.inSagaHandler = enclosingSaga;
            unit.deferredEvents = enclosingEvents;
            unit.deferredCommands = enclosingCommands;
            units.end(unit, succeeded);
            step.end();
        }
    }

    private static Object invoke(SagaHandler saga, Object entity, Envelope<? extends Command> envelope) {
        Object result = saga.handler().invoke(entity, envelope.message(), envelope.metadata());
        if (result == null && saga.handler().method().method().getReturnType() != void.class) {
            throw new IllegalStateException(saga.handler().method().describe() + " returned null for "
                    + envelope.describe() + "; return the entity");
        }
        return result == null ? entity : result;
    }

    private Object load(SagaHandler saga, EntityRef ref, Envelope<? extends Command> envelope) {
        Optional<?> existing = entities.find(saga.entityType(), ref.id());
        if (ref.isNew()) {
            if (existing.isPresent()) {
                throw new EntityExistsException(saga.entityType().getSimpleName() + " '" + ref.id()
                        + "' already exists, so " + envelope.describe() + " cannot create it");
            }
            return saga.newEntity(ref);
        }
        return existing.orElseThrow(() -> new EntityNotFoundException(saga.entityType().getSimpleName() + " '"
                + ref.id() + "' does not exist; " + envelope.describe() + " does not create it (EntityRef.isNew)"));
    }

    @SuppressWarnings("unchecked")
    private static <E> E cast(SagaHandler saga, Object entity) {
        return (E) saga.entityType().cast(entity);
    }
}
