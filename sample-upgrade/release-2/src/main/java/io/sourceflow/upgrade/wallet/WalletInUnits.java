package io.sourceflow.upgrade.wallet;

import io.sourceflow.Upcaster;
import io.sourceflow.Upcasts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

/** Revision 1 of the {@code upgrade.Wallet} document to 2: the balance in units instead of cents. */
@ApplicationScoped
@Upcasts(alias = "upgrade.Wallet", revision = 1)
public class WalletInUnits implements Upcaster {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public JsonObject upcast(JsonObject payload) {
        return JSON.createObjectBuilder(payload).add("balance", Units.fromCents(JSON, payload, "balance"))
                .add("lastChannel", "branch").build();
    }
}
