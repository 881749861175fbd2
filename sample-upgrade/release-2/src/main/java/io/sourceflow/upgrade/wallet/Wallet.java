package io.sourceflow.upgrade.wallet;

import io.sourceflow.DocumentType;
import io.sourceflow.EntityType;
import java.math.BigDecimal;

/**
 * A wallet, kept as a JSON document; revision 2: the balance in units (revision 1 kept cents, as a
 * whole number), and the channel of the last deposit.
 *
 * @param holder the holder's full name
 * @param balance the balance, two decimals
 * @param lastChannel where the last deposit came from, or null
 */
@EntityType("upgrade.Wallet")
@DocumentType(value = "upgrade.Wallet", revision = 2)
public record Wallet(String holder, BigDecimal balance, String lastChannel) {
}
