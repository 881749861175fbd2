package io.sourceflow.upgrade.wallet;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;

/** Reads an amount the first release kept in cents. */
final class Units {

    private Units() {
    }

    static JsonNumber fromCents(JsonProvider json, JsonObject payload, String member) {
        return json.createValue(BigDecimal.valueOf(payload.getJsonNumber(member).longValueExact(), 2));
    }
}
