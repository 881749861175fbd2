package io.sourceflow.upgrade.wallet;

import io.sourceflow.Command;
import io.sourceflow.EntityRef;
import io.sourceflow.MessageType;

/**
 * Puts money in; revision 2 names the channel.
 *
 * @param entity the wallet
 * @param cents the amount in cents
 * @param channel where it came from ("branch" for deposits of revision 1)
 */
@MessageType(value = "wallet.Deposit", revision = 2)
public record Deposit(EntityRef entity, long cents, String channel) implements Command {
}
