package io.sourceflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stored name and revision of a saga entity or view model class that a store keeps as a JSON
 * document (the JPA stores' {@code sourceflow_document}, for classes that are not JPA entities).
 *
 * <p>Without it, or with an empty name, the name is the fully qualified class name, so moving or
 * renaming the class orphans its stored documents: give long-lived types a stable name. The revision
 * counts the changes of the class's JSON form, as a message type's does ({@link MessageType}): when a
 * field is renamed, split or changes type, raise it and add an {@link Upcaster} of the older revision,
 * which the store applies when it reads a document written before. A JPA entity kept in a table of
 * its own changes with the application's schema migrations instead.
 *
 * <pre>{@code
 * @DocumentType(value = "bank.AccountViewModel", revision = 2)
 * public record AccountViewModel(String id, String firstName, String lastName, BigDecimal balance) { }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DocumentType {

    /**
     * The stored type name, at most 255 characters; empty for the fully qualified class name.
     *
     * @return the name
     */
    String value() default "";

    /**
     * The revision of the class's JSON form: 1 for its first, raised with each change that needs an
     * {@link Upcaster}.
     *
     * @return the revision, at least 1
     */
    int revision() default 1;
}
