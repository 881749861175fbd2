package io.sourceflow.cdi;

import io.sourceflow.CommandBus;
import io.sourceflow.EventQueue;
import io.sourceflow.Message;
import io.sourceflow.spi.CommandDispatchMiddleware;
import io.sourceflow.spi.CommandDispatcher;
import io.sourceflow.spi.CommandStore;
import io.sourceflow.spi.CommandSubscribeMiddleware;
import io.sourceflow.spi.EntityStore;
import io.sourceflow.spi.EventDispatchMiddleware;
import io.sourceflow.spi.EventDispatcher;
import io.sourceflow.spi.EventSubscribeMiddleware;
import io.sourceflow.spi.MessageTypes;
import io.sourceflow.spi.Middleware;
import io.sourceflow.spi.ViewModelStore;
import org.eclipse.microprofile.config.Config;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Composes the runtime once, at start-up, from the handler registry, the store beans, the
 * dispatcher and middleware beans, and OpenTelemetry when the container provides it. A published
 * command goes, outermost first, through {@link RetryingCommandBus} and the
 * {@link TransactionalCommandBus} bean (added by {@link CdiCommandBus}), then
 * {@link UnitOfWorkCommandBus}, {@link TracingCommandBus} and {@link SimpleCommandBus}, which appends
 * to the (traced) log, offers the command to {@link CommandDispatchers} and follows up what the
 * handlers deferred through {@link EventDispatchers}. Without telemetry no tracing decorator is
 * added. A {@code @Singleton}, so the thin beans reach it without a client proxy.
 */
@Singleton
public class SourceFlowRuntime {

    /** MicroProfile Config key: attempts of a command whose transaction the bus starts (default 3). */
    public static final String MAX_ATTEMPTS = "sourceflow.bus.max-attempts";
    static final int DEFAULT_MAX_ATTEMPTS = 3;
    /**
     * MicroProfile Config key: {@code true} makes the views project only events that arrived from
     * another server ({@code origin=REMOTE}) and replayed events, not the events raised here (default
     * {@code false}). For servers whose views share one store, fed by one shared subscription of the
     * event topic, so that each event is projected once, by the server the broker gives it to.
     */
    public static final String VIEWS_REMOTE_ONLY = "sourceflow.views.remote-only";

    @Inject
    HandlerRegistry registry;
    @Inject
    Instance<CommandStore> commandStores;
    @Inject
    Instance<EntityStore> entityStores;
    @Inject
    Instance<ViewModelStore> viewModelStores;
    @Inject
    BeanManager beanManager;
    @Inject
    UnitOfWork transaction;
    @Inject
    CurrentHandler current;
    @Inject
    @Any
    Instance<CommandDispatcher> commandDispatchers;
    @Inject
    @Any
    Instance<EventDispatcher> eventDispatchers;
    @Inject
    @Any
    Instance<CommandDispatchMiddleware> commandDispatchMiddleware;
    @Inject
    @Any
    Instance<CommandSubscribeMiddleware> commandSubscribeMiddleware;
    @Inject
    @Any
    Instance<EventDispatchMiddleware> eventDispatchMiddleware;
    @Inject
    @Any
    Instance<EventSubscribeMiddleware> eventSubscribeMiddleware;
    @Inject
    @Any
    Instance<Config> config;

    private CommandBus bus;
    private EventQueue queue;
    private CommandDispatcher dispatchers;
    private CommandStore log;
    private int maxAttempts;

    @PostConstruct
    void start() {
        MessageTypes types = registry.messageTypes();
        Telemetry telemetry = Telemetries.find(beanManager, types);
        boolean traced = telemetry != Telemetry.NONE;
        EntityStore entities = Contextual.instance(entityStores, beanManager);
        ViewModelStore views = Contextual.instance(viewModelStores, beanManager);
        log = Contextual.instance(commandStores, beanManager);

        boolean remoteOnly = setting(VIEWS_REMOTE_ONLY, Boolean.class, false);
        List<EventDispatcher> eventTargets = new ArrayList<>(Contextual.instances(eventDispatchers, beanManager));
        eventTargets.add(new LocalEventDispatcher(registry, view -> {
            EventDispatcher projection = new NewEventsOnly(new ViewProjection(view, views, current), view, views);
            projection = traced ? new TracingEventDispatcher(projection, telemetry, Telemetry.PROJECT) : projection;
            return remoteOnly ? new RemoteEventsOnly(projection) : projection;
        }, aggregate -> new AggregateSubscription(aggregate, current), middleware(eventSubscribeMiddleware)));
        eventTargets.add(new ObserverEvents(beanManager));
        EventDispatcher allEvents = new EventDispatchers(eventTargets, middleware(eventDispatchMiddleware));
        EventDispatcher events = traced ? new TracingEventDispatcher(allEvents, telemetry, Telemetry.ENQUEUE) : allEvents;

        CommandDispatcher sagas = new SagaDispatcher(registry, entities, current);
        List<CommandDispatcher> commandTargets = new ArrayList<>(Contextual.instances(commandDispatchers, beanManager));
        commandTargets.add(new LocalCommandDispatcher(registry,
                traced ? new TracingCommandDispatcher(sagas, telemetry, Telemetry.HANDLE) : sagas,
                middleware(commandSubscribeMiddleware)));
        CommandDispatcher commands = new CommandDispatchers(commandTargets, middleware(commandDispatchMiddleware), types);
        dispatchers = commands;

        Set<Class<?>> viewDocuments = new HashSet<>(registry.viewModelTypes());
        viewDocuments.add(ViewPositions.class);
        SimpleCommandBus.ReplayReset reset = new SimpleCommandBus.ReplayReset(registry.entityTypes(), viewDocuments,
                entities, views);
        SimpleCommandBus simple = new SimpleCommandBus(traced ? new TracingCommandStore(log, telemetry) : log, commands,
                events, reset);
        bus = new UnitOfWorkCommandBus(traced ? new TracingCommandBus(simple, telemetry) : simple, transaction);
        queue = new UnitOfWorkEventQueue(new SimpleEventQueue(events, simple), transaction);
        maxAttempts = setting(MAX_ATTEMPTS, Integer.class, DEFAULT_MAX_ATTEMPTS);
    }

    private <T> T setting(String key, Class<T> type, T fallback) {
        return config.isResolvable() ? config.get().getOptionalValue(key, type).orElse(fallback) : fallback;
    }

    /** The runtime's bus, in the current transaction (or a local unit of work without JTA). */
    CommandBus bus() {
        return bus;
    }

    /** The runtime's event queue, in the current transaction (or a local unit of work without JTA). */
    EventQueue queue() {
        return queue;
    }

    /** A transactional bus that retries transient failures when it started the transaction itself. */
    CommandBus retrying(TransactionalCommandBus transactional) {
        return new RetryingCommandBus(new BusTransaction(transactional, transaction), maxAttempts, transaction::active,
                duplicate -> transactional.logHolds(duplicate.entityId(), duplicate.sequenceNo()));
    }

    /** Whether a dispatcher forwards this command type to another application (nothing is handled here). */
    boolean forwards(Class<? extends io.sourceflow.Command> type) {
        return dispatchers.forwards(type);
    }

    /** Whether the log holds the entity's number, in the current transaction (or a local unit of work). */
    boolean logHolds(String entityId, long sequenceNo) {
        return transaction.run(() -> log.holds(entityId, sequenceNo));
    }

    private <M extends Message, T extends Middleware<M>> List<T> middleware(Instance<T> beans) {
        return Contextual.instances(beans, beanManager);
    }
}
