package io.sourceflow.upgrade.wallet;

import io.sourceflow.Projects;
import io.sourceflow.View;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Projects the wallet events into {@link WalletSummary}s, kept under the wallet's id. */
@ApplicationScoped
public class WalletView extends View<WalletSummary> {

    @Projects
    WalletSummary on(WalletSummary current, Deposited event) {
        return new WalletSummary(event.holder(), event.balance(), current == null ? 0 : current.deposits() + 1);
    }

    /**
     * The read model of one wallet.
     *
     * @param id the wallet's id
     * @return it, or empty
     */
    public Optional<WalletSummary> get(String id) {
        return find(id);
    }
}
