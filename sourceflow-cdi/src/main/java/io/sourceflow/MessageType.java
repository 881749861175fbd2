package io.sourceflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The logical name of a message type, used in the command log and on the wire instead of the
 * class name, so that classes can be renamed or moved without breaking stored data.
 *
 * <p>Without this annotation the alias is the class's simple name and the revision 1. Two message
 * types with one alias are a deployment error.
 *
 * <p>The revision counts the changes of the type's stored form. Every stored or sent message carries
 * its alias and revision; when a class changes in a way its older JSON no longer binds to (a field
 * renamed, split or of another type), raise the revision and add an {@link Upcaster} from the old
 * revision to the new one. A field added with a default needs neither.
 *
 * <pre>{@code
 * @MessageType(value = "bank.DepositMoney", revision = 2)
 * public record DepositMoney(EntityRef entity, BigDecimal amount, String reference) implements Command { }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MessageType {

    /**
     * The alias, for example {@code bank.DepositMoney}.
     *
     * @return the alias, not blank
     */
    String value();

    /**
     * The revision of the type's stored form: 1 for its first, raised with each change that needs
     * an {@link Upcaster}.
     *
     * @return the revision, at least 1
     */
    int revision() default 1;
}
