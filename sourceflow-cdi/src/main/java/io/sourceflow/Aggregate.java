package io.sourceflow;

import io.sourceflow.spi.TypeArguments;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * A stateless façade over one entity type: it sends commands, starts replays and reacts to events
 * with {@link Subscribes} methods.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class AccountAggregate extends Aggregate<BankAccount> {
 *     public void deposit(String id, BigDecimal amount) {
 *         send(new DepositMoney(EntityRef.of(id), amount));
 *     }
 *
 *     @Subscribes
 *     void on(AccountCreated event) { ... }
 * }
 * }</pre>
 *
 * @param <E> the entity type the aggregate fronts
 */
public abstract class Aggregate<E> {

    private CommandBus commands;

    /** For subclasses. */
    protected Aggregate() {
    }

    @Inject
    void useRuntime(Instance<CommandBus> bus) {
        connect(RuntimeBeans.require(bus, CommandBus.class, this));
    }

    /** Connects the aggregate to a runtime; the container's injection does it, or a runtime made without one. */
    void connect(CommandBus bus) {
        commands = bus;
    }

    /**
     * Publishes a command.
     *
     * @param command the command
     * @return the command's metadata, with its sequence number
     */
    protected Metadata send(Command command) {
        return RuntimeBeans.connected(commands, this).publish(command);
    }

    /**
     * Replays the log of the entity of type {@code E} with this id.
     *
     * @param entity the entity
     * @return the number of commands replayed
     * @throws EntityNotFoundException when the entity has no logged command
     * @throws IllegalArgumentException when {@code E} is not the entity type of a saga here (an aggregate
     *     that gives no class for {@code E} replays the one type whose log holds the id)
     */
    protected long replay(EntityRef entity) {
        return RuntimeBeans.connected(commands, this).replay(TypeArguments.find(getClass(), Aggregate.class).orElse(null), entity);
    }
}
