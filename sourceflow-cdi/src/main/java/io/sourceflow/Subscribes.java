package io.sourceflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@link Aggregate} method that reacts to an event.
 *
 * <p>Parameters, in any order: exactly one {@link Event} (its type, or any subtype, is delivered)
 * and at most one {@link Metadata}. The method returns {@code void}. Any number of aggregates may
 * subscribe to one event type.
 *
 * <pre>{@code
 * @Subscribes
 * void on(AccountCreated event) {
 *     send(new ActivateAccount(EntityRef.of(event.account().getId()), LocalDate.now()));
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Subscribes {
}
