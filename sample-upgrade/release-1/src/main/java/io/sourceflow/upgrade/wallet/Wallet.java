package io.sourceflow.upgrade.wallet;

import io.sourceflow.DocumentType;
import io.sourceflow.EntityType;

/**
 * A wallet, kept as a JSON document.
 *
 * @param holder the holder's full name
 * @param balance the balance in cents
 */
@EntityType("upgrade.Wallet")
@DocumentType("upgrade.Wallet")
public record Wallet(String holder, long balance) {
}
