package io.sourceflow.cdi;

import io.sourceflow.CommandBus;
import io.sourceflow.EventQueue;
import io.sourceflow.spi.CommandDispatchMiddleware;
import io.sourceflow.spi.CommandDispatcher;
import io.sourceflow.spi.CommandStore;
import io.sourceflow.spi.CommandSubscribeMiddleware;
import io.sourceflow.spi.EntityStore;
import io.sourceflow.spi.EventDispatchMiddleware;
import io.sourceflow.spi.EventDispatcher;
import io.sourceflow.spi.EventSubscribeMiddleware;
import io.sourceflow.spi.ViewModelStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Composes the runtime's chain from its parts, the same way for the container's beans
 * ({@link SourceFlowRuntime}) and for objects made without one ({@link StandaloneRuntime}). A
 * published command goes through {@link UnitOfWorkCommandBus}, {@link TracingCommandBus} (with
 * telemetry) and {@link SimpleCommandBus}, which appends to the (traced) log, offers the command to
 * {@link CommandDispatchers} (the given dispatchers, then the local sagas) and follows up what the
 * handlers deferred through {@link EventDispatchers} (the given dispatchers, then the local
 * aggregates and views). A replay that rebuilds views alone ({@link RebuildScope}) keeps its entities
 * in memory ({@link ScratchEntities}) and reaches those views only ({@link OutsideRebuild}).
 */
final class Assembly {

    /** What the chain is made of; the lists are in no particular order (dispatchers sort by priority). */
    record Parts(HandlerRegistry registry, CommandStore log, EntityStore entities, ViewModelStore views,
            UnitOfWork transaction, CurrentHandler current, RebuildScope rebuilds, Telemetry telemetry, boolean remoteOnly,
            List<CommandDispatcher> commandDispatchers, List<EventDispatcher> eventDispatchers,
            List<CommandDispatchMiddleware> commandDispatchMiddleware,
            List<CommandSubscribeMiddleware> commandSubscribeMiddleware,
            List<EventDispatchMiddleware> eventDispatchMiddleware,
            List<EventSubscribeMiddleware> eventSubscribeMiddleware) {
    }

    /** The composed chain: the bus and queue in the current unit of work, and all command dispatchers as one. */
    record Chain(CommandBus bus, EventQueue queue, CommandDispatcher dispatchers) {
    }

    private Assembly() {
    }

    static Chain assemble(Parts parts) {
        Telemetry telemetry = parts.telemetry();
        boolean traced = telemetry != Telemetry.NONE;
        HandlerRegistry registry = parts.registry();
        ViewModelStore views = parts.views();
        CurrentHandler current = parts.current();
        ReplayedViews replays = new ReplayedViews();
        RebuildScope rebuilds = parts.rebuilds();
        EntityStore entities = new ScratchEntities(parts.entities(), rebuilds);

        List<EventDispatcher> eventTargets = new ArrayList<>(parts.eventDispatchers());
        eventTargets.add(new LocalEventDispatcher(registry, view -> {
            EventDispatcher projection = new NewEventsOnly(new ViewProjection(view, views, current, replays), view, views,
                    parts.log(), parts.entities());
            projection = traced ? new TracingEventDispatcher(projection, telemetry, Telemetry.PROJECT) : projection;
            projection = new OutsideRebuild(projection, view.method().beanClass().getName(), rebuilds);
            return parts.remoteOnly() ? new RemoteEventsOnly(projection) : projection;
        }, aggregate -> new OutsideRebuild(new AggregateSubscription(aggregate, current), null, rebuilds),
                parts.eventSubscribeMiddleware()));
        EventDispatcher allEvents = new EventDispatchers(eventTargets, parts.eventDispatchMiddleware());
        EventDispatcher events = traced ? new TracingEventDispatcher(allEvents, telemetry, Telemetry.ENQUEUE) : allEvents;

        CommandDispatcher sagas = new SagaDispatcher(registry, entities, current);
        List<CommandDispatcher> commandTargets = new ArrayList<>(parts.commandDispatchers());
        commandTargets.add(new LocalCommandDispatcher(registry,
                traced ? new TracingCommandDispatcher(sagas, telemetry, Telemetry.HANDLE) : sagas,
                parts.commandSubscribeMiddleware()));
        CommandDispatcher commands = new CommandDispatchers(commandTargets, parts.commandDispatchMiddleware(),
                registry.messageTypes());

        SimpleCommandBus.ReplayReset reset = new SimpleCommandBus.ReplayReset(new LoggedTypes(registry), entities,
                views, replays, rebuilds, parts.entities());
        CommandStore log = parts.log();
        SimpleCommandBus simple = new SimpleCommandBus(traced ? new TracingCommandStore(log, telemetry) : log, commands,
                events, reset);
        CommandBus bus = new UnitOfWorkCommandBus(traced ? new TracingCommandBus(simple, telemetry) : simple,
                parts.transaction());
        EventQueue queue = new UnitOfWorkEventQueue(new SimpleEventQueue(events, simple), parts.transaction());
        return new Chain(bus, queue, commands);
    }
}
