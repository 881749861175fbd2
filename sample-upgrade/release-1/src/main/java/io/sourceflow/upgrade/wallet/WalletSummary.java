package io.sourceflow.upgrade.wallet;

import io.sourceflow.DocumentType;

/**
 * The read model of a wallet.
 *
 * @param holder the holder's full name
 * @param balance the balance in cents
 * @param deposits how many deposits it took
 */
@DocumentType("upgrade.WalletSummary")
public record WalletSummary(String holder, long balance, int deposits) {
}
