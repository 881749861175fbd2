package io.sourceflow.cdi.revisions;

import io.sourceflow.Command;
import io.sourceflow.EntityRef;
import io.sourceflow.Handles;
import io.sourceflow.MessageType;
import io.sourceflow.Saga;
import io.sourceflow.Upcaster;
import io.sourceflow.Upcasts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;

/**
 * A command type at its third revision and the upcasters of its history: revision 1 called the
 * amount {@code amt}, revision 2 renamed it, revision 3 added a reference; an older type
 * {@code rev.Credit} was renamed to {@code rev.Deposit} at its revision 2.
 */
public final class Revisions {

    /** Looked up once: {@code Json.createObjectBuilder} looks the provider up on every call. */
    static final JsonProvider JSON = JsonProvider.provider();

    private Revisions() {
    }

    /** The current form. */
    @MessageType(value = "rev.Deposit", revision = 3)
    public record Deposit(EntityRef entity, BigDecimal amount, String reference) implements Command {
    }

    /** The entity. */
    public static class Till {
        public BigDecimal total = BigDecimal.ZERO;
    }

    /** Handles the current form only. */
    @ApplicationScoped
    public static class TillSaga extends Saga<Till> {
        @Handles
        Till on(Till till, Deposit deposit) {
            till.total = till.total.add(deposit.amount());
            return till;
        }
    }

    /** Revision 1 to 2: {@code amt} becomes {@code amount}. */
    @ApplicationScoped
    @Upcasts(alias = "rev.Deposit", revision = 1)
    public static class AmountRenamed implements Upcaster {
        @Override
        public JsonObject upcast(JsonObject payload) {
            return JSON.createObjectBuilder(payload).remove("amt").add("amount", payload.get("amt")).build();
        }
    }

    /** Revision 2 to 3: a reference, {@code none} before there were any. */
    @ApplicationScoped
    @Upcasts(alias = "rev.Deposit", revision = 2)
    public static class ReferenceAdded implements Upcaster {
        @Override
        public JsonObject upcast(JsonObject payload) {
            return JSON.createObjectBuilder(payload).add("reference", "none").build();
        }
    }

    /** {@code rev.Credit} at revision 1 (amount as {@code value}) is revision 2 of {@code rev.Deposit}. */
    @ApplicationScoped
    @Upcasts(alias = "rev.Credit", revision = 1, to = "rev.Deposit")
    public static class CreditRenamed implements Upcaster {
        @Override
        public JsonObject upcast(JsonObject payload) {
            return JSON.createObjectBuilder().add("entity", payload.get("entity")).add("amount", payload.get("value")).build();
        }
    }

    /** Fails on a payload marked {@code "poison": true}; else makes revision 2 of {@code rev.Credit} revision 3 of {@code rev.Deposit}. */
    @ApplicationScoped
    @Upcasts(alias = "rev.Credit", revision = 2, to = "rev.Deposit")
    public static class Fragile implements Upcaster {
        @Override
        public JsonObject upcast(JsonObject payload) {
            if (payload.getBoolean("poison", false)) {
                throw new IllegalStateException("cannot read a poisoned credit");
            }
            return payload.containsKey("null") ? null : payload;
        }
    }
}
