package io.sourceflow.jms;

import io.sourceflow.MessageFormatException;
import io.sourceflow.spi.SafeText;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Checks that binding a received payload kept its numbers. JSON-B changes a number its field cannot
 * hold without a word ({@code 2147483648} read as {@code -2147483648} into an {@code int},
 * {@code 1.9} as {@code 1}, {@code 1e400} as infinity). The bound message is written again and every
 * number received is compared with what stands at the same place: a different value is refused,
 * naming the place. Rounding to the nearest {@code double} is not a change (a number with more digits
 * than a {@code double} holds reads as that {@code double}); places the written form lacks are skipped.
 * One reader factory serves every check: {@code Json.createReader} looks the JSON-P provider up on
 * each call, which on Liberty is a class-loader search and took a seventh of a received command's
 * CPU samples.
 */
final class NumbersKept {

    private final JsonReaderFactory readers = JsonProvider.provider().createReaderFactory(Map.of());

    /**
     * @param head the envelope's head, for the reason
     * @param received the payload as received
     * @param bound the bound message written again by the serializer
     * @throws MessageFormatException naming the first number binding changed
     */
    void check(EnvelopeCodec.Head head, String received, String bound) {
        String changed = compare(read(received), read(bound), "payload");
        if (changed != null) {
            throw new MessageFormatException(head.describe() + " has a number its field cannot hold: " + changed);
        }
    }

    private static String compare(JsonValue in, JsonValue out, String path) {
        if (in instanceof JsonObject inObject && out instanceof JsonObject outObject) {
            for (Map.Entry<String, JsonValue> member : inObject.entrySet()) {
                JsonValue written = outObject.get(member.getKey());
                String changed = written == null ? null
                        : compare(member.getValue(), written, path + "." + SafeText.forLog(member.getKey()));
                if (changed != null) {
                    return changed;
                }
            }
        } else if (in instanceof JsonArray inArray && out instanceof JsonArray outArray && inArray.size() == outArray.size()) {
            for (int i = 0; i < inArray.size(); i++) {
                String changed = compare(inArray.get(i), outArray.get(i), path + "[" + i + "]");
                if (changed != null) {
                    return changed;
                }
            }
        } else if (in instanceof JsonNumber number) {
            return changed(number, out, path);
        }
        return null;
    }

    private static String changed(JsonNumber in, JsonValue out, String path) {
        if (out instanceof JsonString text && text.getString().matches("-?Infinity|NaN")) {
            return path + " = " + SafeText.forLog(in.toString()) + " was read as " + text.getString();
        }
        if (!(out instanceof JsonNumber written)) {
            return null;
        }
        BigDecimal sent = in.bigDecimalValue();
        BigDecimal read = written.bigDecimalValue();
        if (sent.compareTo(read) == 0) {
            return null;
        }
        boolean rounded = sent.doubleValue() == read.doubleValue() && (isWhole(sent) || !isWhole(read));
        return rounded ? null : path + " = " + SafeText.forLog(in.toString()) + " was read as " + written;
    }

    private static boolean isWhole(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    private JsonValue read(String json) {
        try (JsonReader reader = readers.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
