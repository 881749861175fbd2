package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.EntityRef;
import io.sourceflow.MessageFormatException;
import io.sourceflow.Metadata;
import io.sourceflow.cdi.bank.Commands.DepositMoney;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The default serializer: metadata written directly reads back through JSON-B and equals what JSON-B
 * writes, less the derived {@code isRemote}; payloads round-trip.
 */
class JsonBindingSerializerTest {

    private final JsonBindingSerializer serializer = new JsonBindingSerializer();

    @Test
    void metadataWrittenDirectlyReadsBackAndMatchesWhatJsonbWrites() throws Exception {
        // given
        Metadata cause = Metadata.create("a-5").withProperties(Map.of("k \"1\"", "v\\\n\u0001", "tenant", "t"));
        Metadata full = cause.next("a-5", 3).withOrigin(Metadata.Origin.REMOTE).withReplay(true);
        Metadata bare = Metadata.create(null);

        try (Jsonb jsonb = JsonbBuilder.create()) {
            for (Metadata metadata : List.of(cause, full, bare)) {
                // when
                String written = serializer.serialize(metadata);

                // then
                assertThat(serializer.deserialize(written, Metadata.class)).isEqualTo(metadata);
                JsonObject byJsonb = object(jsonb.toJson(metadata));
                assertThat(object(written)).isEqualTo(Json.createObjectBuilder(byJsonb).remove("isRemote").build());
            }
        }
    }

    @Test
    void payloadsRoundTripKeepingTheScale() {
        // given
        DepositMoney deposit = new DepositMoney(EntityRef.of("a-6"), new BigDecimal("10.50"));

        // when
        DepositMoney read = serializer.deserialize(serializer.serialize(deposit), DepositMoney.class);

        // then
        assertThat(read).isEqualTo(deposit);
        assertThat(read.amount().scale()).isEqualTo(2);
    }

    @Test
    void malformedTextNamesTheType() {
        assertThatThrownBy(() -> serializer.deserialize("{\"amount\":", DepositMoney.class))
                .isInstanceOf(MessageFormatException.class).hasMessageContaining(DepositMoney.class.getName());
        assertThatThrownBy(() -> serializer.deserialize("null", DepositMoney.class))
                .isInstanceOf(MessageFormatException.class).hasMessageContaining("'null'");
    }

    @Test
    void aConstructorFailureSaysWhatFailedNotInternalErrorNull() {
        assertThatThrownBy(() -> serializer.deserialize("{\"entity\":{\"isNew\":false},\"amount\":1}", DepositMoney.class))
                .isInstanceOf(MessageFormatException.class).hasMessageContaining("NullPointerException")
                .hasMessageContaining("entity id");
        assertThatThrownBy(() -> serializer.deserialize("{\"entity\":{\"id\":\"a\\nb\"},\"amount\":1}", DepositMoney.class))
                .isInstanceOf(MessageFormatException.class).hasMessageContaining("control character")
                .hasMessageContaining("a\\nb").message().doesNotContain("\n");
    }

    private static JsonObject object(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
