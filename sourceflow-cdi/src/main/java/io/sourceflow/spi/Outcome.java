package io.sourceflow.spi;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a dispatcher did with a message: whether it took it, and the events and commands the
 * handlers it ran deferred. The bus delivers those events and then publishes those commands, in the
 * same unit of work, after the dispatcher has returned: a dispatcher never calls back into the bus.
 *
 * @param taken whether the dispatcher took the message (a command is taken by exactly one)
 * @param events events raised by the handlers, in the order raised
 * @param commands commands published by the handlers, in the order published
 */
public record Outcome(boolean taken, List<Envelope<? extends Event>> events, List<Envelope<? extends Command>> commands) {

    /** Not taken: the dispatcher leaves the message to others. */
    public static final Outcome DECLINED = new Outcome(false, List.of(), List.of());

    /** Taken, with nothing deferred (a transport that sent the message elsewhere). */
    public static final Outcome TAKEN = new Outcome(true, List.of(), List.of());

    /** Copies the lists. */
    public Outcome {
        events = List.copyOf(Objects.requireNonNull(events, "events"));
        commands = List.copyOf(Objects.requireNonNull(commands, "commands"));
    }

    /**
     * Whether nothing was deferred.
     *
     * @return {@code true} when there are neither events nor commands
     */
    public boolean isEmpty() {
        return events.isEmpty() && commands.isEmpty();
    }

    /**
     * This outcome followed by another, as when several dispatchers are offered one event.
     *
     * @param next what the next dispatcher did
     * @return taken when either took the message, with both outcomes' messages in order
     */
    public Outcome and(Outcome next) {
        Objects.requireNonNull(next, "next");
        boolean anyTaken = taken || next.taken;
        if (next.isEmpty() && anyTaken == taken) {
            return this;
        }
        if (isEmpty() && anyTaken == next.taken) {
            return next;
        }
        List<Envelope<? extends Event>> allEvents = new ArrayList<>(events);
        allEvents.addAll(next.events);
        List<Envelope<? extends Command>> allCommands = new ArrayList<>(commands);
        allCommands.addAll(next.commands);
        return new Outcome(anyTaken, allEvents, allCommands);
    }
}
