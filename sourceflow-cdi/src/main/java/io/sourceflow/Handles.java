package io.sourceflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link Saga} method as the handler of one command type.
 *
 * <p>Parameters, in any order: exactly one {@link Command} (its type is the handled type), at most
 * one parameter of the saga's entity type (the created or loaded entity) and at most one
 * {@link Metadata}. The method returns the entity's new state (persisted by the framework) or
 * {@code void} (the entity passed in is persisted). Exactly one saga may handle a command type.
 *
 * <pre>{@code
 * @Handles
 * BankAccount on(BankAccount account, DepositMoney cmd) {
 *     account.deposit(cmd.amount());
 *     raise(new AccountUpdated(account));
 *     return account;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Handles {
}
