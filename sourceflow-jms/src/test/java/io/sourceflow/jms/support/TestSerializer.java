package io.sourceflow.jms.support;

import io.sourceflow.MessageFormatException;
import io.sourceflow.spi.Serializer;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

/** JSON-B (Yasson), as sourceflow-jpa's serializer does it, for plain tests without a container. */
public final class TestSerializer implements Serializer {

    private final Jsonb jsonb = JsonbBuilder.create();

    @Override
    public String serialize(Object value) {
        return jsonb.toJson(value);
    }

    @Override
    public <T> T deserialize(String text, Class<T> type) {
        try {
            return jsonb.fromJson(text, type);
        } catch (JsonbException e) {
            throw new MessageFormatException("Cannot read a " + type.getName() + ": " + e.getMessage(), e);
        }
    }
}
