package io.sourceflow;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Handles commands for one entity type: the framework creates the entity (when the command's
 * {@link EntityRef#isNew()}) or loads it, calls the {@link Handles} method, persists the entity it
 * returns and then delivers the events the handler {@linkplain #raise(Event) raised}.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class AccountSaga extends Saga<BankAccount> {
 *     @Handles
 *     BankAccount on(BankAccount account, DepositMoney cmd) {
 *         account.deposit(cmd.amount());
 *         raise(new AccountUpdated(account));
 *         return account;
 *     }
 * }
 * }</pre>
 *
 * <p>Subclasses must carry a bean-defining annotation (normally {@code @ApplicationScoped}). The
 * entity type {@code E} must be a concrete class; a new entity is made by {@link #create(EntityRef)},
 * which by default calls the entity's no-argument constructor.
 *
 * @param <E> the entity type
 */
public abstract class Saga<E> {

    private CommandBus commands;
    private EventQueue events;

    /** For subclasses. */
    protected Saga() {
    }

    @Inject
    void useRuntime(Instance<CommandBus> bus, Instance<EventQueue> queue) {
        connect(RuntimeBeans.require(bus, CommandBus.class, this), RuntimeBeans.require(queue, EventQueue.class, this));
    }

    /** Connects the saga to a runtime; the container's injection does it, or a runtime made without one. */
    void connect(CommandBus bus, EventQueue queue) {
        commands = bus;
        events = queue;
    }

    /**
     * Makes a new, empty entity for a command that creates one. Override it when the entity has no
     * no-argument constructor or must know its id from the start.
     *
     * @param ref the new entity's reference
     * @return the new entity, or {@code null} to let the framework call the no-argument constructor
     */
    protected E create(EntityRef ref) {
        return null;
    }

    /**
     * Raises an event. It is delivered to aggregates and views after the entity has been persisted,
     * in the order raised, within the same transaction.
     *
     * @param event the event
     */
    protected void raise(Event event) {
        RuntimeBeans.connected(events, this).enqueue(event);
    }

    /**
     * Publishes a follow-up command, after this handler's entity is persisted and its events
     * delivered. During a replay this does nothing: the command is in its own entity's log.
     *
     * @param command the command
     */
    protected void publish(Command command) {
        RuntimeBeans.connected(commands, this).publish(command);
    }
}
