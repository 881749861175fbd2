package io.sourceflow.upgrade.wallet;

import io.sourceflow.Upcaster;
import io.sourceflow.Upcasts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

/**
 * Revision 1 of {@code wallet.Deposited} to revision 2 of {@code wallet.Credited}: the balance in
 * units, and the branch as the channel.
 */
@ApplicationScoped
@Upcasts(alias = "wallet.Deposited", revision = 1, to = "wallet.Credited")
public class DepositedBecomesCredited implements Upcaster {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public JsonObject upcast(JsonObject payload) {
        return JSON.createObjectBuilder(payload).add("balance", Units.fromCents(JSON, payload, "balance"))
                .add("channel", "branch").build();
    }
}
