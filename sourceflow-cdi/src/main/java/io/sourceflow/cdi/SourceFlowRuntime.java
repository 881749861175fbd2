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
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Wires the plain runtime classes together once, from the handler registry, the store beans, the
 * dispatcher and middleware beans, and OpenTelemetry when the container provides it. A
 * {@code @Singleton}, so the thin beans reach it without a client proxy.
 */
@Singleton
public class SourceFlowRuntime {

    /** MicroProfile Config key: attempts of a command whose transaction the bus starts (default 3). */
    public static final String MAX_ATTEMPTS = "sourceflow.bus.max-attempts";
    static final int DEFAULT_MAX_ATTEMPTS = 3;

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
    Units units;
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
    @Inject
    @Any
    Instance<TransactionSynchronizationRegistry> transactions;

    private CommandBus bus;
    private EventQueue queue;
    private Retry retry;

    @PostConstruct
    void start() {
        MessageTypes types = registry.messageTypes();
        CommandStore commandStore = Contextual.instance(commandStores, beanManager);
        EntityStore entityStore = Contextual.instance(entityStores, beanManager);
        ViewModelStore viewModelStore = Contextual.instance(viewModelStores, beanManager);
        Telemetry telemetry = Telemetries.find(beanManager, types);
        List<EventDispatcher> events = new ArrayList<>(Contextual.instances(eventDispatchers, beanManager));
        events.add(new LocalEventDispatcher(registry, viewModelStore, units, telemetry,
                middleware(eventSubscribeMiddleware)));
        queue = new SimpleEventQueue(units, telemetry, events, middleware(eventDispatchMiddleware));
        List<CommandDispatcher> commands = new ArrayList<>(Contextual.instances(commandDispatchers, beanManager));
        commands.add(new LocalCommandDispatcher(registry, entityStore, units, telemetry, queue,
                envelope -> bus.publish(envelope), middleware(commandSubscribeMiddleware)));
        SimpleCommandBus.ReplayReset reset = new SimpleCommandBus.ReplayReset(registry.entityTypes(),
                registry.viewModelTypes(), entityStore, viewModelStore);
        bus = new SimpleCommandBus(commandStore, units, telemetry, types, commands,
                middleware(commandDispatchMiddleware), reset);
        TransactionSynchronizationRegistry registry = Jta.registry(transactions);
        int maxAttempts = config.isResolvable()
                ? config.get().getOptionalValue(MAX_ATTEMPTS, Integer.class).orElse(DEFAULT_MAX_ATTEMPTS)
                : DEFAULT_MAX_ATTEMPTS;
        retry = new Retry(maxAttempts, () -> units.current() != null || Jta.active(registry));
    }

    Retry retry() {
        return retry;
    }

    /** Whether the current thread is already processing a message (inside a handler). */
    boolean processing() {
        return units.current() != null;
    }

    CommandBus bus() {
        return bus;
    }

    EventQueue queue() {
        return queue;
    }

    private <M extends Message, T extends Middleware<M>> List<T> middleware(Instance<T> beans) {
        return Contextual.instances(beans, beanManager);
    }
}
