package io.sourceflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the field or record component that names whose personal data its object's {@link Personal}
 * fields are: a {@code String}, a number, a {@code UUID} or an {@link EntityRef} (its id). The value
 * is written in plain text (it is what the key is found by), so it should be an identifier, such as
 * an account or customer id, never a name or an e-mail address. A class with personal fields needs
 * one subject, of its own or of the object that contains it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface DataSubject {
}
