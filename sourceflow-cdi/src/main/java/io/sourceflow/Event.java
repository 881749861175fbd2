package io.sourceflow;

/**
 * A fact raised by a saga while it handles a command. Events are not logged; they fan out to
 * aggregates ({@link Subscribes}) and views ({@link Projects}). Their metadata carries the
 * entity id, sequence number, correlation and causation of the command that raised them.
 *
 * <pre>{@code
 * public record AccountUpdated(BankAccount account) implements Event { }
 * }</pre>
 */
public non-sealed interface Event extends Message {
}
