package io.sourceflow.upgrade.wallet;

import io.sourceflow.Command;
import io.sourceflow.EntityRef;
import io.sourceflow.MessageType;

/**
 * Puts money in.
 *
 * @param entity the wallet
 * @param cents the amount in cents
 */
@MessageType("wallet.Deposit")
public record Deposit(EntityRef entity, long cents) implements Command {
}
