package io.sourceflow.sample.rest;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/**
 * One logged command of an account.
 *
 * @param sequenceNo its position in the account's log, from 1
 * @param type its type alias, for example {@code bank.DepositMoney}
 * @param payload the command as JSON
 * @param occurredOn when it was published
 * @param messageId its message id
 * @param principal who published it (the caller's principal name), or {@code null} when no authenticated caller
 *     did, or it came from a server this one does not trust with it
 */
public record HistoryEntry(long sequenceNo, String type, JsonObject payload, Instant occurredOn, UUID messageId,
        String principal) {
}
