package io.sourceflow.cdi;

import io.sourceflow.MessageFormatException;
import io.sourceflow.spi.Serializer;
import io.sourceflow.spi.SubjectKeyStore;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * Crypto-shredding around whichever {@link Serializer} is in use: the {@link io.sourceflow.Personal}
 * fields of what is written are encrypted with their {@link io.sourceflow.DataSubject}'s key from the
 * {@link SubjectKeyStore}, and decrypted when read. As every store and transport writes through the
 * serializer, no personal value reaches the log, a document, a queue, the outbox or a dead letter in
 * plain text. Classes without personal fields pass through untouched.
 */
@Decorator
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public abstract class PersonalDataSerializer implements Serializer {

    @Inject
    @Delegate
    @Any
    Serializer delegate;

    @Inject
    SubjectKeyStore keys;

    private final PersonalFields fields = new PersonalFields();
    private final JsonProvider json = JsonProvider.provider();
    private final PersonalCipher cipher = new PersonalCipher(json);

    /** Made by the container. */
    protected PersonalDataSerializer() {
        // fields initialised above
    }

    @Override
    public String serialize(Object value) {
        String text = delegate.serialize(value);
        PersonalFields.Model model = model(value.getClass());
        if (model.isPlain()) {
            return text;
        }
        JsonValue sealed = new PersonalWalk(fields, cipher, keys, json, true).object(parse(text), model, null);
        return cipher.write(sealed);
    }

    @Override
    public <T> T deserialize(String text, Class<T> type) {
        PersonalFields.Model model = model(type);
        if (model.isPlain()) {
            return delegate.deserialize(text, type);
        }
        JsonValue parsed;
        try {
            parsed = parse(text);
        } catch (JsonException e) {
            return delegate.deserialize(text, type); // which names what is wrong with the text
        }
        JsonValue opened = new PersonalWalk(fields, cipher, keys, json, false).object(parsed, model, null);
        try {
            return delegate.deserialize(cipher.write(opened), type);
        } catch (RuntimeException e) {
            // the delegate's message, and its causes', may quote the decrypted personal values: neither is passed on
            throw new MessageFormatException("Cannot read a " + type.getName() + " from JSON once its personal fields are"
                    + " decrypted (" + e.getClass().getSimpleName() + "; its message is withheld, as it may quote personal"
                    + " data): does a personal field's type still fit what was written?");
        }
    }

    private PersonalFields.Model model(Class<?> type) {
        try {
            return fields.of(type);
        } catch (IllegalArgumentException e) {
            throw new MessageFormatException("Cannot handle the personal data of " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    private JsonValue parse(String text) {
        try (var reader = json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
