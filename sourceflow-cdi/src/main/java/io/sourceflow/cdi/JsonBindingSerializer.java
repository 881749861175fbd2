package io.sourceflow.cdi;

import io.sourceflow.MessageFormatException;
import io.sourceflow.Metadata;
import io.sourceflow.spi.SafeText;
import io.sourceflow.spi.Serializer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.util.Objects;

/**
 * The default {@link Serializer}, used by the JPA stores and the JMS transport alike: JSON-B
 * (Yasson on Liberty, WildFly and in tests). Records, JavaBeans and the framework's
 * {@link Metadata} and {@link io.sourceflow.EntityRef} round-trip; {@code BigDecimal} keeps its
 * scale. {@link Metadata} is written by {@link MetadataJson}, in the form JSON-B reads back.
 * Malformed text, or text that does not fit the type, is a {@link MessageFormatException}. JSON-B
 * changes a number its field cannot hold silently ({@code 2147483648} read as {@code -2147483648}
 * into an {@code int}); what comes from outside is checked for that by its receiver (the JMS
 * transport compares the numbers it received with the bound message's). Replace
 * it with an {@code @Alternative @Priority} bean implementing {@link Serializer}.
 */
@ApplicationScoped
public class JsonBindingSerializer implements Serializer {

    private final Jsonb jsonb = JsonbBuilder.create();
    private final MetadataJson metadata = new MetadataJson();

    /** A serializer of its own, for code outside a container (tests, tools); applications inject the bean. */
    public JsonBindingSerializer() {
        // fields initialised above
    }

    @Override
    public String serialize(Object value) {
        Objects.requireNonNull(value, "value");
        if (value instanceof Metadata m) {
            return metadata.write(m);
        }
        try {
            return jsonb.toJson(value);
        } catch (JsonbException e) {
            throw new MessageFormatException("Cannot write a " + value.getClass().getName() + " as JSON: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public <T> T deserialize(String text, Class<T> type) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        T value;
        try {
            value = jsonb.fromJson(text, type);
        } catch (JsonbException e) {
            throw new MessageFormatException("Cannot read a " + type.getName() + " from JSON: " + reason(e), e);
        }
        if (value == null) {
            throw new MessageFormatException("Cannot read a " + type.getName() + " from JSON: the text is 'null'");
        }
        return value;
    }

    /**
     * The binding failure's message and its causes' (JSON-B says "Internal error: null" when a
     * constructor threw a NullPointerException), escaped: parts of the text may come from the input.
     */
    private static String reason(JsonbException failure) {
        StringBuilder reason = new StringBuilder(String.valueOf(failure.getMessage()));
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && cause != failure && depth < 4; depth++, cause = cause.getCause()) {
            if (cause.getMessage() == null || !reason.toString().contains(cause.getMessage())) {
                reason.append("; caused by ").append(cause.getClass().getSimpleName());
                if (cause.getMessage() != null) {
                    reason.append(": ").append(cause.getMessage());
                }
            }
        }
        return SafeText.forLog(reason);
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot close JSON-B", e);
        }
    }
}
