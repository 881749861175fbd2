package io.sourceflow.spi;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import jakarta.enterprise.inject.spi.Prioritized;

/**
 * Receives every published (and replayed) command and decides itself whether to act: the local
 * dispatcher hands commands to sagas, a transport sends the command types routed to it. A command
 * must be taken by exactly one dispatcher: a dispatcher that {@linkplain #forwards(Class) forwards}
 * a type a local saga handles is a deployment error (unless it {@linkplain #forwardsToOwnQueue()
 * forwards to a queue this application consumes}), and a second taker at run time fails the
 * publish (the unit of work rolls back). Commands handled here are offered after their
 * sequence number has been claimed in this application's log; commands a dispatcher
 * {@linkplain #forwards(Class) forwards} are not logged here (the receiving application logs them).
 */
public interface CommandDispatcher extends Prioritized {

    /**
     * Offers a command.
     *
     * @param envelope the command and its metadata (check {@code metadata().replay()} and
     *     {@code metadata().isRemote()} before sending anything elsewhere)
     * @return {@link Outcome#TAKEN} (or an outcome with what its handler deferred) when this
     *     dispatcher took the command, {@link Outcome#DECLINED} when it leaves it to others
     */
    Outcome dispatch(Envelope<? extends Command> envelope);

    /**
     * Whether this dispatcher sends the commands of a type to another application, which logs,
     * sequences and handles them there. The bus asks before appending a command published here: a
     * forwarded command is not appended to this application's log, and is offered with sequence
     * number 0. A command that arrived from elsewhere ({@code metadata().isRemote()}) is always
     * logged where it is handled, whatever this method says.
     *
     * @param type the command class
     * @return {@code true} when commands of this type are sent elsewhere; {@code false} by default
     */
    default boolean forwards(Class<? extends Command> type) {
        return false;
    }

    /**
     * Whether the commands this dispatcher forwards may come back to this application: every
     * server of the application consumes the queue they are sent to (competing consumers), and
     * each server hands what it receives ({@code origin=REMOTE}) to its local sagas. Such a
     * dispatcher may forward command types a local saga handles; it must decline remote commands.
     *
     * @return {@code true} when this application consumes what the dispatcher forwards; {@code false} by default
     */
    default boolean forwardsToOwnQueue() {
        return false;
    }
}
