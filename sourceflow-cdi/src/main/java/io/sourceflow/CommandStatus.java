package io.sourceflow;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What became of a command sent to another server, as far as the servers sharing the database know:
 * recorded as {@link State#ACCEPTED} in the transaction that sent it, then as applied, rejected or
 * parked in the transaction that handled it there.
 *
 * @param messageId the command's message id
 * @param state where it is
 * @param messageType its type alias
 * @param entityId the entity it is for
 * @param sequenceNo its position in the entity's log once applied, else 0
 * @param problem why it was rejected or parked, else {@code null}
 * @param recordedOn when the state was recorded
 */
public record CommandStatus(UUID messageId, State state, String messageType, String entityId, long sequenceNo, String problem,
        Instant recordedOn) {

    /** Where a command is. */
    public enum State {
        /** Sent; not handled yet. */
        ACCEPTED,
        /** Handled and logged: its sequence number is set. */
        APPLIED,
        /** Refused by a business rule ({@link CommandRejectedException}): nothing changed; the problem says why. */
        REJECTED,
        /** Failed for another reason and parked as a dead letter to be re-driven; the problem says why. */
        PARKED
    }

    /** Checks the required components. */
    public CommandStatus {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(recordedOn, "recordedOn");
    }
}
