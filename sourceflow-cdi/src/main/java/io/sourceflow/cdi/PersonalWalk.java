package io.sourceflow.cdi;

import io.sourceflow.MessageFormatException;
import io.sourceflow.SubjectForgottenException;
import io.sourceflow.spi.SafeText;
import io.sourceflow.spi.SubjectKeyStore;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * One value's walk through its JSON form, following its class's {@link PersonalFields}: sealing
 * each personal value with its subject's key, or opening it (a forgotten subject's reads as
 * {@code null}). Keys are looked up once per subject and walk. Errors name the class, the field and
 * the subject, never a value.
 */
final class PersonalWalk {

    private final PersonalFields fields;
    private final PersonalCipher cipher;
    private final SubjectKeyStore keys;
    private final JsonProvider json;
    private final boolean seal;
    private final Map<String, Optional<SecretKey>> known = new HashMap<>();

    PersonalWalk(PersonalFields fields, PersonalCipher cipher, SubjectKeyStore keys, JsonProvider json, boolean seal) {
        this.fields = fields;
        this.cipher = cipher;
        this.keys = keys;
        this.json = json;
        this.seal = seal;
    }

    /** The value with its personal fields, and those of the objects it holds, sealed or opened. */
    JsonValue object(JsonValue value, PersonalFields.Model model, String outerSubject) {
        if (!(value instanceof JsonObject object)) {
            return unexpected(value, model.type(), "an object");
        }
        String subject = model.subject() == null ? outerSubject : subject(object, model);
        JsonObjectBuilder result = json.createObjectBuilder(object);
        for (String name : model.personal()) {
            JsonValue field = object.get(name);
            if (field != null && field.getValueType() != JsonValue.ValueType.NULL) {
                result.add(name, seal ? seal(field, model, name, subject) : open(field, model, name, subject));
            }
        }
        for (PersonalFields.Nested nested : model.nested()) {
            JsonValue field = object.get(nested.name());
            if (field != null) {
                result.add(nested.name(), holder(field, nested, subject));
            }
        }
        return result.build();
    }

    private JsonValue holder(JsonValue field, PersonalFields.Nested nested, String subject) {
        PersonalFields.Model inner = fields.of(nested.type());
        if (nested.shape() == PersonalFields.Shape.MANY) {
            if (!(field instanceof JsonArray array)) {
                return unexpected(field, nested.type(), "an array");
            }
            JsonArrayBuilder result = json.createArrayBuilder();
            array.forEach(element -> result.add(object(element, inner, subject)));
            return result.build();
        }
        if (nested.shape() == PersonalFields.Shape.MAP) {
            if (!(field instanceof JsonObject map)) {
                return unexpected(field, nested.type(), "an object (a map with string keys)");
            }
            JsonObjectBuilder result = json.createObjectBuilder();
            map.forEach((key, element) -> result.add(key, object(element, inner, subject)));
            return result.build();
        }
        return object(field, inner, subject);
    }

    /**
     * A value whose JSON form is not the shape its class's model expects (a null, or another serializer's form):
     * passed over when reading, refused when writing, so that no personal value is written unsealed.
     */
    private JsonValue unexpected(JsonValue value, Class<?> type, String expected) {
        if (!seal || value.getValueType() == JsonValue.ValueType.NULL) {
            return value;
        }
        throw new MessageFormatException("Cannot seal the personal data of a " + type.getName() + ": its JSON form is a "
                + value.getValueType().name().toLowerCase(java.util.Locale.ROOT) + ", not " + expected
                + " (a map with keys other than strings, or an adapter that writes it another way)");
    }

    private JsonValue seal(JsonValue plain, PersonalFields.Model model, String name, String subject) {
        String field = model.type().getName() + "." + name;
        if (subject == null) {
            throw new MessageFormatException("Cannot write the personal field " + field + ": no data subject names whose it"
                    + " is (the class's @DataSubject is empty, or it has none and no enclosing object names one)");
        }
        SecretKey key;
        try {
            key = known.computeIfAbsent(subject, s -> Optional.of(keys.keyFor(s))).orElseThrow();
        } catch (SubjectForgottenException e) {
            throw new SubjectForgottenException("Cannot write the personal field " + field + ": its data subject '"
                    + SafeText.forLog(subject) + "' was forgotten", e);
        }
        try {
            return cipher.seal(plain, key, subject);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt the personal field " + field + " with AES-GCM", e);
        }
    }

    private JsonValue open(JsonValue sealed, PersonalFields.Model model, String name, String subject) {
        if (!PersonalCipher.isSealed(sealed)) {
            return sealed; // written before the field was marked personal
        }
        String field = model.type().getName() + "." + name;
        if (subject == null) {
            throw new MessageFormatException("Cannot read the personal field " + field + ": no data subject names whose it is");
        }
        Optional<SecretKey> key = known.computeIfAbsent(subject, keys::find);
        if (key.isEmpty()) {
            if (keys.isForgotten(subject)) {
                return JsonValue.NULL;
            }
            throw new MessageFormatException("Cannot read the personal field " + field + ": the key store has no key for its"
                    + " data subject '" + SafeText.forLog(subject) + "' (was it written by a server with another key store?)");
        }
        try {
            return cipher.open(sealed, key.get(), subject);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new MessageFormatException("Cannot read the personal field " + field + " of data subject '"
                    + SafeText.forLog(subject) + "': it does not decrypt with the subject's key (altered, or of another subject): "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private static String subject(JsonObject object, PersonalFields.Model model) {
        JsonValue value = object.get(model.subject());
        if (model.subjectIsRef() && value instanceof JsonObject ref) {
            value = ref.get("id");
        }
        String subject = value instanceof JsonString s ? s.getString() : value instanceof JsonNumber n ? n.toString() : null;
        return subject == null || subject.isBlank() ? null : subject;
    }
}
