package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.CommandBus;
import io.sourceflow.Envelope;
import io.sourceflow.EventQueue;
import io.sourceflow.History;
import io.sourceflow.ViewRebuilds;
import io.sourceflow.NoHandlerException;
import io.sourceflow.spi.CommandDispatchMiddleware;
import io.sourceflow.spi.CommandDispatcher;
import io.sourceflow.spi.CommandStore;
import io.sourceflow.spi.EntityStore;
import io.sourceflow.spi.EventDispatcher;
import io.sourceflow.spi.ViewModelStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * SourceFlow without a container: sagas, aggregates and views made with {@code new}, checked by the
 * rules a deployment is checked by (a bean-defining annotation included; upcaster chains aside: the
 * in-memory stores keep objects, so nothing is read back from JSON), over the in-memory stores, each publish in a local unit of work
 * (no JTA), with no transport and no telemetry. Made for test fixtures ({@code sourceflow-test}) and
 * tools; an application in a container injects {@link CommandBus} instead.
 *
 * <pre>{@code
 * StandaloneRuntime runtime = StandaloneRuntime.builder()
 *         .handlers(new AccountSaga(), new AccountView())
 *         .build();
 * runtime.bus().publish(new CreateAccount(EntityRef.of("a-1").asNew(), "Jane", new BigDecimal("100")));
 * runtime.views().find(AccountViewModel.class, "a-1");
 * }</pre>
 */
public final class StandaloneRuntime {

    private final CommandBus bus;
    private final EventQueue queue;
    private final History history;
    private final ViewRebuilds rebuilds;
    private final InMemoryCommandStore log = new InMemoryCommandStore();
    private final InMemoryEntityStore entities = new InMemoryEntityStore();
    private final InMemoryViewModelStore views = new InMemoryViewModelStore();

    private StandaloneRuntime(Builder builder) {
        HandlerObjects handlers = HandlerObjects.check(builder.handlers, builder.commandDispatchers);
        Map<Class<?>, Object> targets = handlers.targets();
        HandlerRegistry registry = new HandlerRegistry(handlers.methods(), method -> targets.get(method.beanClass()));
        UnitOfWork transaction = new UnitOfWork();
        log.transaction = transaction;
        entities.transaction = transaction;
        views.transaction = transaction;
        CurrentHandler current = new CurrentHandler();
        RebuildScope scope = new RebuildScope();
        List<CommandDispatcher> dispatchers = new ArrayList<>(builder.commandDispatchers);
        if (builder.elsewhere != null) {
            dispatchers.add(new ElsewhereDispatcher(registry, builder.commandDispatchers, builder.elsewhere));
        }
        Assembly.Chain chain = Assembly.assemble(new Assembly.Parts(registry, log, entities, views, transaction, current, scope,
                Telemetry.NONE, false, dispatchers, builder.eventDispatchers, builder.commandDispatchMiddleware,
                List.of(), List.of(), List.of()));
        bus = new HandlerAwareBus(current, chain.bus());
        queue = new HandlerAwareQueue(current, chain.queue());
        history = new LogHistory(log, registry, transaction);
        rebuilds = new Rebuilds(registry, views, entities, bus, scope, work -> transaction.run(() -> {
            work.run();
            return null;
        }), Duration.ZERO);
        targets.values().forEach(handler -> HandlerConnections.connect(handler, bus, queue, views));
    }

    /**
     * Starts a definition.
     *
     * @return a builder with no handlers
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the bus: publishes in a unit of work of its own, or defers when called from a handler */
    public CommandBus bus() {
        return bus;
    }

    /** @return the event queue: delivers at once, or defers when called from a handler */
    public EventQueue events() {
        return queue;
    }

    /** @return the entities' logged commands, a page at a time */
    public History history() {
        return history;
    }

    /**
     * @return rebuilds of views alone, each entity replayed in a unit of work of its own, with no settle
     *     margin (one clock, and units of work that end with each call)
     */
    public ViewRebuilds rebuilds() {
        return rebuilds;
    }

    /** @return the command log */
    public CommandStore log() {
        return log;
    }

    /** @return the sagas' entities, by entity type and id */
    public EntityStore entities() {
        return entities;
    }

    /** @return the view models, by type and id */
    public ViewModelStore views() {
        return views;
    }

    /** What a standalone runtime is made of. */
    public static final class Builder {

        private final List<Object> handlers = new ArrayList<>();
        private final List<CommandDispatcher> commandDispatchers = new ArrayList<>();
        private final List<EventDispatcher> eventDispatchers = new ArrayList<>();
        private final List<CommandDispatchMiddleware> commandDispatchMiddleware = new ArrayList<>();
        private Consumer<Envelope<? extends Command>> elsewhere;

        private Builder() {
        }

        /**
         * Adds handler objects: sagas, aggregates and views, one of each class.
         *
         * @param objects the handlers
         * @return this builder
         */
        public Builder handlers(Object... objects) {
            handlers.addAll(List.of(objects));
            return this;
        }

        /**
         * Adds a command dispatcher, offered every command with the local sagas (see {@link CommandDispatcher}).
         *
         * @param dispatcher the dispatcher
         * @return this builder
         */
        public Builder dispatcher(CommandDispatcher dispatcher) {
            commandDispatchers.add(dispatcher);
            return this;
        }

        /**
         * Adds an event dispatcher, offered every event with the local aggregates and views.
         *
         * @param dispatcher the dispatcher
         * @return this builder
         */
        public Builder dispatcher(EventDispatcher dispatcher) {
            eventDispatchers.add(dispatcher);
            return this;
        }

        /**
         * Adds middleware that runs around the dispatch of every command.
         *
         * @param middleware the middleware
         * @return this builder
         */
        public Builder middleware(CommandDispatchMiddleware middleware) {
            commandDispatchMiddleware.add(middleware);
            return this;
        }

        /**
         * Hands the commands no saga here handles (and no dispatcher given forwards) to a consumer, as if
         * another application took them (they are not logged here), instead of failing with
         * {@link NoHandlerException}.
         *
         * @param taker what receives those commands
         * @return this builder
         */
        public Builder elsewhere(Consumer<Envelope<? extends Command>> taker) {
            elsewhere = taker;
            return this;
        }

        /**
         * Checks the handlers and composes the runtime.
         *
         * @return the runtime
         * @throws IllegalArgumentException listing every problem with the handlers
         */
        public StandaloneRuntime build() {
            return new StandaloneRuntime(this);
        }
    }
}
