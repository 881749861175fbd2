package io.sourceflow.jpa;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name under which a saga entity or view model class that is not a JPA entity is kept in the
 * document table. Without it the name is the fully qualified class name, so moving or renaming
 * the class orphans its stored documents; give long-lived types a stable name.
 *
 * <pre>{@code
 * @DocumentType("bank.AccountViewModel")
 * public record AccountViewModel(String id, BigDecimal balance) { }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DocumentType {

    /**
     * The stored type name, at most 255 characters.
     *
     * @return the name, not blank
     */
    String value();
}
