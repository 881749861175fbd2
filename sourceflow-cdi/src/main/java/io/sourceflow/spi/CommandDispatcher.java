package io.sourceflow.spi;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import jakarta.enterprise.inject.spi.Prioritized;

/**
 * Receives every published (and replayed) command, after its sequence number has been claimed, and
 * decides itself whether to act: the local dispatcher hands commands to sagas, a transport sends
 * the command types routed to it. A command type must be taken by exactly one dispatcher.
 */
public interface CommandDispatcher extends Prioritized {

    /**
     * Offers a command.
     *
     * @param envelope the command and its metadata (check {@code metadata().replay()} and
     *     {@code metadata().isRemote()} before sending anything elsewhere)
     * @return {@code true} when this dispatcher took the command
     */
    boolean dispatch(Envelope<? extends Command> envelope);
}
