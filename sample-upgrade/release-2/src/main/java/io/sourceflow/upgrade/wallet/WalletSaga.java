package io.sourceflow.upgrade.wallet;

import io.sourceflow.EntityRef;
import io.sourceflow.Handles;
import io.sourceflow.Saga;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;

/** Handles the wallet commands; each raises the wallet's new state. */
@ApplicationScoped
public class WalletSaga extends Saga<Wallet> {

    private static final BigDecimal ZERO = BigDecimal.valueOf(0, 2);

    @Override
    protected Wallet create(EntityRef ref) {
        return new Wallet(null, ZERO, null);
    }

    @Handles
    Wallet on(Wallet wallet, Open command) {
        return changed(new Wallet(command.holder(), ZERO, null));
    }

    @Handles
    Wallet on(Wallet wallet, Deposit command) {
        return changed(new Wallet(wallet.holder(), wallet.balance().add(BigDecimal.valueOf(command.cents(), 2)),
                command.channel()));
    }

    private Wallet changed(Wallet wallet) {
        raise(new Credited(wallet.holder(), wallet.balance(), wallet.lastChannel()));
        return wallet;
    }
}
