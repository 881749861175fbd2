package io.sourceflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field or record component as personal data of its object's {@link DataSubject}: the
 * serializer encrypts its value with the subject's key (AES-GCM) wherever it is written (the command
 * log, entity and view-model documents, JMS messages, the outbox and dead letters), and decrypts it
 * when read. Once the subject is forgotten ({@link DataSubjects#forget}), the key is gone and the
 * value reads as {@code null}: a personal field must accept {@code null} (not a primitive, no
 * {@code requireNonNull} in a record's constructor).
 *
 * <pre>{@code
 * @MessageType("bank.OpenAccount")
 * public record OpenAccount(@DataSubject EntityRef entity, @Personal String holder) implements Command { }
 * }</pre>
 *
 * <p>The whole value is encrypted, whatever its type (a string, a number, a nested record, a list).
 * Objects nested in a non-personal field (a record, a list or array of records, the values of a map)
 * have their own personal fields encrypted too, with their own subject or, without one, the
 * enclosing object's.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Personal {
}
