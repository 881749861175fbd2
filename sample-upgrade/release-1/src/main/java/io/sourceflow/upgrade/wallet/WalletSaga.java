package io.sourceflow.upgrade.wallet;

import io.sourceflow.EntityRef;
import io.sourceflow.Handles;
import io.sourceflow.Saga;
import jakarta.enterprise.context.ApplicationScoped;

/** Handles the wallet commands; each raises the wallet's new state. */
@ApplicationScoped
public class WalletSaga extends Saga<Wallet> {

    @Override
    protected Wallet create(EntityRef ref) {
        return new Wallet(null, 0);
    }

    @Handles
    Wallet on(Wallet wallet, Open command) {
        return changed(new Wallet(command.holder(), 0));
    }

    @Handles
    Wallet on(Wallet wallet, Deposit command) {
        return changed(new Wallet(wallet.holder(), wallet.balance() + command.cents()));
    }

    private Wallet changed(Wallet wallet) {
        raise(new Deposited(wallet.holder(), wallet.balance()));
        return wallet;
    }
}
