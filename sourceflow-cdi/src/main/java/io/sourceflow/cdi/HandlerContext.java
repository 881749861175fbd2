package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.Message;
import io.sourceflow.Metadata;
import io.sourceflow.spi.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What one handler method defers while it runs: the events it raises and the commands it
 * publishes, each with metadata derived from the message it handles (its cause). During a replay
 * (read from the cause's metadata) events are kept, marked replayed, and commands are dropped,
 * since each is in its own entity's log. The dispatcher returns the context's {@link #outcome()}.
 */
final class HandlerContext {

    private final Envelope<?> cause;
    private final String handler;
    private List<Envelope<? extends Event>> events;
    private List<Envelope<? extends Command>> commands;

    /**
     * @param cause the message the handler handles
     * @param handler the handler's {@link #identity}, which the ids of the events it raises are derived from
     */
    HandlerContext(Envelope<?> cause, String handler) {
        this.cause = cause;
        this.handler = handler;
    }

    /**
     * Raises an event with the cause's entity, sequence number and correlation. Its id is derived from
     * the cause's id, the handler (its bean class, method name and parameter types) and the event's
     * place among those the handler raised: a replay or a retry of the cause raises the same event with
     * the same id, by which a view that keeps its position in the entity's events ({@link ViewPositions})
     * knows it. Renaming the handler, or changing which events it raises, changes the ids of what it
     * raises from then on.
     */
    Metadata raise(Event event) {
        Metadata cause = this.cause.metadata();
        String name = cause.messageId() + " " + handler + " " + (events == null ? 0 : events.size());
        Metadata metadata = cause.next(cause.entityType(), cause.entityId(), cause.sequenceNo())
                .withMessageId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
        raise(new Envelope<>(event, metadata));
        return metadata;
    }

    /**
     * What names a handler in the ids of the events it raises: its bean class, method name and parameter
     * types. Made once per handler.
     *
     * @param handler the handler method
     * @return its identity
     */
    static String identity(HandlerMethod handler) {
        return handler.beanClass().getName() + " " + handler.method().getName()
                + Arrays.toString(handler.method().getParameterTypes());
    }

    void raise(Envelope<? extends Event> envelope) {
        if (events == null) {
            events = new ArrayList<>(2);
        }
        Envelope<? extends Event> named = named(envelope);
        events.add(cause.metadata().replay() ? named.with(named.metadata().withReplay(true)) : named);
    }

    /** The envelope naming its cause's publisher ({@link Metadata#principal()}) unless it names one itself. */
    private <M extends Message> Envelope<M> named(Envelope<M> envelope) {
        String principal = cause.metadata().principal();
        return principal == null || envelope.metadata().principal() != null ? envelope
                : envelope.with(envelope.metadata().withPrincipal(principal));
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
        Envelope<? extends Command> named = named(envelope);
        commands.add(named);
        return named.metadata();
    }

    /** Taken, with what the handler deferred. */
    Outcome outcome() {
        if (events == null && commands == null) {
            return Outcome.TAKEN;
        }
        return new Outcome(true, events == null ? List.of() : events, commands == null ? List.of() : commands);
    }
}
