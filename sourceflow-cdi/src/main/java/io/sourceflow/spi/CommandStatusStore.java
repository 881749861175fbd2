package io.sourceflow.spi;

import io.sourceflow.CommandStatus;
import io.sourceflow.CommandStatuses;
import java.time.Instant;

/**
 * Keeps the {@link CommandStatus} of each command sent to or received from another server, written
 * in the transaction that sends or handles it, so that a status exists exactly when that work
 * committed.
 */
public interface CommandStatusStore extends CommandStatuses {

    /**
     * Records a command's status in the current unit of work, replacing the one recorded before.
     *
     * @param status the status
     */
    void record(CommandStatus status);

    /**
     * Forgets the statuses recorded before a time, in the current unit of work.
     *
     * @param recordedBefore statuses recorded before this instant go
     * @return how many went
     */
    int purge(Instant recordedBefore);
}
