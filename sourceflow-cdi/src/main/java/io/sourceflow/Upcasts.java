package io.sourceflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the step an {@link Upcaster} bean makes: from {@link #alias()} at {@link #revision()} to
 * {@link #to()} (by default the same alias) at the next revision.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Upcasts {

    /**
     * The alias of the stored form this upcaster reads.
     *
     * @return the alias, not blank
     */
    String alias();

    /**
     * The revision of the stored form this upcaster reads.
     *
     * @return the revision, at least 1
     */
    int revision();

    /**
     * The alias of what it returns, at {@code revision() + 1}: empty for the same alias, else the
     * alias the type was renamed to.
     *
     * @return the alias of the result, or empty
     */
    String to() default "";
}
