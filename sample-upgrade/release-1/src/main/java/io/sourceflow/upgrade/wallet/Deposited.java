package io.sourceflow.upgrade.wallet;

import io.sourceflow.Event;
import io.sourceflow.MessageType;

/**
 * A wallet was opened or money put in.
 *
 * @param holder the holder's full name
 * @param balance the balance after it, in cents
 */
@MessageType("wallet.Deposited")
public record Deposited(String holder, long balance) implements Event {
}
