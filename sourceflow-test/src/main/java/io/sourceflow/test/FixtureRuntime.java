package io.sourceflow.test;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.Metadata;
import io.sourceflow.NoHandlerException;
import io.sourceflow.cdi.StandaloneRuntime;
import io.sourceflow.spi.CommandDispatchMiddleware;
import io.sourceflow.spi.EventDispatcher;
import io.sourceflow.spi.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link StandaloneRuntime} over a fixture's handlers (one fixture per test, on the test's thread)
 * that records, while a {@code when} runs,
 * every event delivered and every command dispatched except the one under test. Commands no
 * handler of the fixture takes are recorded and go nowhere, as if another application took them.
 */
final class FixtureRuntime {

    private final StandaloneRuntime runtime;
    private final List<Event> events = new ArrayList<>();
    private final List<Command> commands = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private boolean recording;
    private Object underTest;

    FixtureRuntime(Object handler, Object... others) {
        runtime = StandaloneRuntime.builder()
                .handlers(Objects.requireNonNull(handler, "the handler under test"))
                .handlers(others)
                .dispatcher(new EventRecorder())
                .middleware(new CommandRecorder())
                .elsewhere(this::elsewhere)
                .build();
    }

    StandaloneRuntime runtime() {
        return runtime;
    }

    /** Publishes a given command (what it causes is not recorded); one that no saga here handles fails. */
    void publish(Command command) {
        underTest = command;
        try {
            runtime.bus().publish(command);
        } finally {
            underTest = null;
        }
    }

    /**
     * Delivers an event of an entity, numbered after the entity's earlier events (1, 2, ...: each
     * event its own number, where several events of one command share its number in production).
     * A delivery that fails leaves no gap.
     */
    void deliver(String entityId, Event event) {
        long sequenceNo = sequences.getOrDefault(entityId, 0L) + 1;
        runtime.events().enqueue(new Envelope<>(event, Metadata.create(entityId).withSequenceNo(sequenceNo)));
        sequences.put(entityId, sequenceNo);
    }

    /**
     * Takes a command no saga of the fixture handles: one the handlers published, as if another
     * application took it; the command under test itself, or a given one, has no handler here, which
     * the test must hear of.
     */
    private void elsewhere(Envelope<? extends Command> envelope) {
        if (envelope.message() == underTest) {
            throw new NoHandlerException("No saga of this fixture handles " + envelope.message().getClass().getName()
                    + "; give its saga to the fixture");
        }
    }

    /**
     * Runs an action, recording what it causes; a failure is kept in the result, not thrown. When the
     * action is one unit of work (one publish or delivery), a failure undid it and nothing recorded
     * counts; otherwise (several sends of an aggregate) what came before the failure stays.
     */
    <S> Then<S> record(Object message, Runnable action, Function<StandaloneRuntime, S> state) {
        return record(message, action, state, true);
    }

    <S> Then<S> record(Object message, Runnable action, Function<StandaloneRuntime, S> state, boolean oneUnit) {
        events.clear();
        commands.clear();
        underTest = message;
        recording = true;
        Throwable failure = null;
        try {
            action.run();
        } catch (RuntimeException | AssertionError e) {
            failure = e;
        } finally {
            recording = false;
            underTest = null;
        }
        // a failed unit of work is undone: nothing it delivered or published took effect
        boolean undone = failure != null && oneUnit;
        List<Event> delivered = undone ? List.of() : List.copyOf(events);
        List<Command> published = undone ? List.of() : List.copyOf(commands);
        return new Then<>(delivered, published, state.apply(runtime), failure);
    }

    /** Records the events delivered while recording. */
    private final class EventRecorder implements EventDispatcher {
        @Override
        public Outcome dispatch(Envelope<? extends Event> envelope) {
            if (recording) {
                events.add(envelope.message());
            }
            return Outcome.DECLINED;
        }

        @Override
        public int getPriority() {
            return 0;
        }
    }

    /** Records the commands dispatched while recording, but the one under test. */
    private final class CommandRecorder implements CommandDispatchMiddleware {
        @Override
        public void handle(Envelope<? extends Command> envelope, Next<Command> next) {
            if (recording && envelope.message() != underTest) {
                commands.add(envelope.message());
            }
            next.proceed(envelope);
        }

        @Override
        public int getPriority() {
            return 0;
        }
    }
}
