package io.sourceflow.upgrade.wallet;

import io.sourceflow.Upcaster;
import io.sourceflow.Upcasts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

/** Revision 1 of {@code wallet.Deposit} to 2: the first release took deposits at the branch only. */
@ApplicationScoped
@Upcasts(alias = "wallet.Deposit", revision = 1)
public class DepositGetsAChannel implements Upcaster {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public JsonObject upcast(JsonObject payload) {
        return JSON.createObjectBuilder(payload).add("channel", "branch").build();
    }
}
