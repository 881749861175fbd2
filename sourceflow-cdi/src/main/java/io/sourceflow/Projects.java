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
 * view model, which the framework persists under the event's entity id (or under the {@link #key()}
 * the event carries), or {@code void} when it persists what it needs itself.
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

    /**
     * The event's property whose value the view model is kept under, instead of the id of the entity
     * that raised the event: the name of a public method of the event type without parameters (a
     * record component), whose value's {@code toString()} is the model's id. Empty (the default) keeps
     * the model under the raising entity's id.
     *
     * <p>A model kept under such a key gathers the events of many entities (a total per branch, an
     * order's view fed by stock events), so a replay of one entity does not clear it: the view's
     * position in each source entity's events, kept beside the models, makes a replayed or
     * redelivered event of a command the view has applied pass it by, so nothing counts twice.
     *
     * <p>The position is the last command of the entity the view applied. So a view added to a running
     * application, or one whose projection changed, is filled by rebuilding it alone
     * ({@link ViewRebuilds}; the replay job's mode {@code views} in {@code sourceflow-batch}): its models
     * are deleted, its positions start over, and until the rebuild has replayed an entity the view
     * leaves that entity's new events to it. A replay of single entities ({@link CommandBus#replay})
     * alone would count an entity's commands older than its first one the view took live never.
     * Do not rename the view's projection methods, or the handlers that raise its events, between
     * replays: the events of each entity's last command would then count again.
     *
     * <pre>{@code
     * @Projects(key = "branch")
     * BranchTotal on(BranchTotal current, MoneyDeposited event) { ... }
     * }</pre>
     *
     * @return the event's property, or empty for the raising entity's id
     */
    String key() default "";
}
