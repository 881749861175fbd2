package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.Metadata;
import io.sourceflow.spi.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * What one handler method defers while it runs: the events it raises and the commands it
 * publishes, each with metadata derived from the message it handles (its cause). During a replay
 * (read from the cause's metadata) events are kept, marked replayed, and commands are dropped,
 * since each is in its own entity's log. The dispatcher returns the context's {@link #outcome()}.
 */
final class HandlerContext {

    private final Envelope<?> cause;
    private List<Envelope<? extends Event>> events;
    private List<Envelope<? extends Command>> commands;

    HandlerContext(Envelope<?> cause) {
        this.cause = cause;
    }

    Metadata raise(Event event) {
        Metadata metadata = cause.metadata().next(cause.metadata().entityType(), cause.metadata().entityId(),
                cause.metadata().sequenceNo());
        raise(new Envelope<>(event, metadata));
        return metadata;
    }

    void raise(Envelope<? extends Event> envelope) {
        if (events == null) {
            events = new ArrayList<>(2);
        }
        events.add(cause.metadata().replay() ? envelope.with(envelope.metadata().withReplay(true)) : envelope);
    }

    Metadata publish(Command command) {
        return publish(new Envelope<>(command, cause.metadata().next(command.entity().id(), 0)));
    }

    Metadata publish(Envelope<? extends Command> envelope) {
        if (cause.metadata().replay()) {
            return envelope.metadata().withReplay(true);
        }
        if (commands == null) {
            commands = new ArrayList<>(2);
        }
        commands.add(envelope);
        return envelope.metadata();
    }

    /** Taken, with what the handler deferred. */
    Outcome outcome() {
        if (events == null && commands == null) {
            return Outcome.TAKEN;
        }
        return new Outcome(true, events == null ? List.of() : events, commands == null ? List.of() : commands);
    }
}
