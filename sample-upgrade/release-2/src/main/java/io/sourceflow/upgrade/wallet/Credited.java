package io.sourceflow.upgrade.wallet;

import io.sourceflow.Event;
import io.sourceflow.MessageType;
import java.math.BigDecimal;

/**
 * A wallet was opened or money put in: what the first release called {@code wallet.Deposited}
 * (revision 1, with the balance in cents).
 *
 * @param holder the holder's full name
 * @param balance the balance after it, two decimals
 * @param channel where the deposit came from, or null when the wallet was opened
 */
@MessageType(value = "wallet.Credited", revision = 2)
public record Credited(String holder, BigDecimal balance, String channel) implements Event {
}
