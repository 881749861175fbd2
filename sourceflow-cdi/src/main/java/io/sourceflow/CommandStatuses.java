package io.sourceflow;

import java.util.Optional;
import java.util.UUID;

/**
 * Where the commands sent to another server are: inject it to answer a client that got
 * {@code 202 Accepted} with a command's message id. Statuses are recorded in the database of the
 * server that records them: the sender and the handler see one status when they share it (the
 * servers of one application do).
 */
public interface CommandStatuses {

    /**
     * The status of a command.
     *
     * @param messageId its message id
     * @return its status, or empty when no command with this id was sent from or handled by a
     *     server sharing this store (or its status was purged)
     */
    Optional<CommandStatus> find(UUID messageId);
}
