package io.sourceflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link View} method that projects an event into the view's read model.
 *
 * <p>Parameters, in any order: exactly one {@link Event} (its type, or any subtype, is delivered),
 * at most one parameter of the view model type (the current model with the event's entity id, or
 * {@code null} when there is none yet) and at most one {@link Metadata}. The method returns the new
 * view model, which the framework persists under the event's entity id, or {@code void} when it
 * persists what it needs itself.
 *
 * <pre>{@code
 * @Projects
 * AccountViewModel on(AccountViewModel current, AccountUpdated event) {
 *     return current.withBalance(event.account().getBalance());
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Projects {
}
