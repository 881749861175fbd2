package io.sourceflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The logical name of an entity type, which keys the entity's command log together with its id:
 * an {@code Order} and a {@code Stock} that both have id {@code 1} have two logs, two sequences and
 * two replays. Like a message alias, the name is stored, so it must stay the same when the class is
 * renamed or moved.
 *
 * <p>Without this annotation the name is the class's simple name. Two entity classes with one name
 * are a deployment error. A command's entity type is the one its saga keeps ({@code E} of
 * {@code Saga<E>}), so commands and {@link EntityRef} do not name it.
 *
 * <pre>{@code
 * @EntityType("bank.Account")
 * @Entity
 * public class BankAccount { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EntityType {

    /**
     * The name, for example {@code bank.Account}.
     *
     * @return the name: not blank, at most {@value EntityRef#MAX_LENGTH} characters, no control character,
     *     not starting with {@code #}
     */
    String value();
}
