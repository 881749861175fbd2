package io.sourceflow;

/**
 * An intent addressed to one entity. Commands are appended to the entity's log, so they can be
 * replayed; exactly one saga handles each command type.
 *
 * <pre>{@code
 * @MessageType("bank.DepositMoney")
 * public record DepositMoney(EntityRef entity, BigDecimal amount) implements Command { }
 * }</pre>
 */
public non-sealed interface Command extends Message {

    /**
     * The entity this command targets, and whether the command creates it.
     *
     * @return the target entity
     */
    EntityRef entity();
}
