package io.sourceflow.upgrade.wallet;

import io.sourceflow.Command;
import io.sourceflow.EntityRef;
import io.sourceflow.MessageType;

/**
 * Opens a wallet.
 *
 * @param entity the new wallet
 * @param holder the holder's full name
 */
@MessageType("wallet.Open")
public record Open(EntityRef entity, String holder) implements Command {
}
