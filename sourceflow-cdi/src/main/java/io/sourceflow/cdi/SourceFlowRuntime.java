package io.sourceflow.cdi;

import io.sourceflow.CommandBus;
import io.sourceflow.DuplicateKeyException;
import io.sourceflow.EventQueue;
import io.sourceflow.History;
import io.sourceflow.Message;
import io.sourceflow.ViewRebuilds;
import io.sourceflow.spi.CommandDispatchMiddleware;
import io.sourceflow.spi.CommandDispatcher;
import io.sourceflow.spi.CommandStore;
import io.sourceflow.spi.CommandSubscribeMiddleware;
import io.sourceflow.spi.EventDispatchMiddleware;
import io.sourceflow.spi.EventDispatcher;
import io.sourceflow.spi.EventSubscribeMiddleware;
import io.sourceflow.spi.EntityStore;
import io.sourceflow.spi.ViewModelStore;
import io.sourceflow.spi.Middleware;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Composes the runtime once, at start-up, from the handler registry, the store beans, the
 * dispatcher and middleware beans, and OpenTelemetry when the container provides it (see
 * {@link Assembly}; without telemetry no tracing decorator is added). A published command goes,
 * outermost first, through {@link RetryingCommandBus} and the {@link TransactionalCommandBus} bean
 * (added by {@link CdiCommandBus}), then the assembled chain. Events also reach CDI observers
 * ({@link ObserverEvents}). A {@code @Singleton}, so the thin beans reach it without a client proxy.
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

    /**
     * MicroProfile Config key: seconds after a view rebuild starts from which an entity's first command
     * makes it younger than the rebuild (default 5; see {@link ViewRebuilds}).
     */
    public static final String REBUILD_SETTLE_SECONDS = "sourceflow.rebuild.settle-seconds";

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
    RebuildScope rebuildScope;
    @Inject
    NewTransaction newTransaction;
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

    private CommandBus bus;
    private EventQueue queue;
    private CommandDispatcher dispatchers;
    private CommandStore log;
    private int maxAttempts;
    private History history;
    private ViewModelStore views;
    private EntityStore entities;
    private Duration settle;
    private volatile Supplier<String> callers;

    @PostConstruct
    void start() {
        Settings settings = new Settings(beanManager);
        Telemetry telemetry = Telemetries.find(beanManager, registry.messageTypes());
        log = Contextual.instance(commandStores, beanManager);
        views = Contextual.instance(viewModelStores, beanManager);
        entities = Contextual.instance(entityStores, beanManager);
        List<EventDispatcher> eventTargets = new ArrayList<>(Contextual.instances(eventDispatchers, beanManager));
        eventTargets.add(new ObserverEvents(beanManager));
        Assembly.Chain chain = Assembly.assemble(new Assembly.Parts(registry, log,
                entities, views,
                transaction, current, rebuildScope, telemetry, settings.get(VIEWS_REMOTE_ONLY, Boolean.class, false),
                Contextual.instances(commandDispatchers, beanManager), eventTargets,
                middleware(commandDispatchMiddleware), middleware(commandSubscribeMiddleware),
                middleware(eventDispatchMiddleware), middleware(eventSubscribeMiddleware)));
        bus = chain.bus();
        queue = chain.queue();
        dispatchers = chain.dispatchers();
        maxAttempts = settings.get(MAX_ATTEMPTS, Integer.class, DEFAULT_MAX_ATTEMPTS);
        history = new LogHistory(log, registry, transaction);
        int seconds = settings.get(REBUILD_SETTLE_SECONDS, Integer.class, 5);
        if (seconds < 0) {
            throw new IllegalStateException(REBUILD_SETTLE_SECONDS + " is 0 or more seconds, not " + seconds);
        }
        settle = Duration.ofSeconds(seconds);
    }

    /** The runtime's bus, in the current transaction (or a local unit of work without JTA). */
    CommandBus bus() {
        return bus;
    }

    /** The runtime's event queue, in the current transaction (or a local unit of work without JTA). */
    EventQueue queue() {
        return queue;
    }

    /** The log's history, read in the current transaction (or a local unit of work without JTA). */
    History history() {
        return history;
    }

    /** Rebuilds of views alone, replaying through the given bus (the application's, with its retries). */
    ViewRebuilds rebuilds(CommandBus applicationBus) {
        return new Rebuilds(registry, views, entities, applicationBus, rebuildScope, newTransaction::run, settle);
    }

    /** The current caller's principal name ({@link CallerNames}), resolved once, at the first command published. */
    Supplier<String> callers() {
        Supplier<String> resolved = callers;
        if (resolved == null) {
            resolved = CallerNames.of(beanManager, SourceFlowRuntime.class.getClassLoader());
            callers = resolved;
        }
        return resolved;
    }

    /** A transactional bus that retries transient failures when it started the transaction itself. */
    CommandBus retrying(TransactionalCommandBus transactional) {
        return new RetryingCommandBus(new BusTransaction(transactional, transaction), maxAttempts, transaction::active,
                transactional::logHolds);
    }

    /** Whether a dispatcher forwards this command type to another application (nothing is handled here). */
    boolean forwards(Class<? extends io.sourceflow.Command> type) {
        return dispatchers.forwards(type);
    }

    /** Whether the log holds the number a duplicate key claimed, in the current transaction (or a local unit of work). */
    boolean logHolds(DuplicateKeyException duplicate) {
        return transaction.run(() -> log.holds(duplicate.entityType(), duplicate.entityId(), duplicate.sequenceNo()));
    }

    private <M extends Message, T extends Middleware<M>> List<T> middleware(Instance<T> beans) {
        return Contextual.instances(beans, beanManager);
    }
}
