package io.sourceflow.jpa;

import io.sourceflow.MessageFormatException;
import io.sourceflow.spi.Serializer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.util.Objects;

/**
 * The {@link Serializer} of the JPA stores: JSON-B (Yasson on Liberty and in tests). Records,
 * JavaBeans and the framework's {@link io.sourceflow.Metadata} and {@link io.sourceflow.EntityRef}
 * round-trip; {@code BigDecimal} keeps its scale. Malformed text, or text that does not fit the
 * type, is a {@link MessageFormatException}.
 */
@ApplicationScoped
@Alternative
@Priority(JpaStores.PRIORITY)
public class JsonBindingSerializer implements Serializer {

    private Jsonb jsonb;

    @PostConstruct
    void open() {
        jsonb = JsonbBuilder.create();
    }

    @Override
    public String serialize(Object value) {
        Objects.requireNonNull(value, "value");
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
            throw new MessageFormatException("Cannot read a " + type.getName() + " from JSON: " + e.getMessage(), e);
        }
        if (value == null) {
            throw new MessageFormatException("Cannot read a " + type.getName() + " from JSON: the text is 'null'");
        }
        return value;
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
