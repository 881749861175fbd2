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
 * <p>Without this annotation the alias is the class's simple name. Two message types with one
 * alias are a deployment error.
 *
 * <pre>{@code
 * @MessageType("bank.DepositMoney")
 * public record DepositMoney(EntityRef entity, BigDecimal amount) implements Command { }
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
}
