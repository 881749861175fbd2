package io.sourceflow.upgrade.wallet;

import io.sourceflow.Upcaster;
import io.sourceflow.Upcasts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

/**
 * Revision 1 of the {@code upgrade.WalletSummary} document to 2: the holder's name split in two,
 * the balance in units.
 */
@ApplicationScoped
@Upcasts(alias = "upgrade.WalletSummary", revision = 1)
public class SummarySplitsHolder implements Upcaster {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public JsonObject upcast(JsonObject payload) {
        Holder holder = Holder.of(payload.getString("holder", ""));
        return JSON.createObjectBuilder(payload).remove("holder").add("firstName", holder.first())
                .add("lastName", holder.last()).add("balance", Units.fromCents(JSON, payload, "balance"))
                .add("lastChannel", "branch").build();
    }
}
