package io.sourceflow.upgrade.wallet;

import io.sourceflow.DocumentType;
import java.math.BigDecimal;

/**
 * The read model of a wallet; revision 2 splits the holder's name and keeps the balance in units.
 *
 * @param firstName the holder's first name
 * @param lastName the rest of the holder's name
 * @param balance the balance, two decimals
 * @param deposits how many deposits it took
 * @param lastChannel where the last deposit came from, or null
 */
@DocumentType(value = "upgrade.WalletSummary", revision = 2)
public record WalletSummary(String firstName, String lastName, BigDecimal balance, int deposits, String lastChannel) {
}
