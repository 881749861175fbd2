package io.sourceflow.test;

import io.sourceflow.Command;
import io.sourceflow.Event;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a fixture's {@code when} did: the events it raised, the commands it published, the state it
 * left (the saga's entity or the view's model) and the exception it ended with. A {@code when} that
 * failed was undone, so it raised and published nothing, and the state is what it was before; call
 * {@link #expectException(Class)} first, since any other expectation fails on an exception nobody
 * expected (an {@code expectNoEvents()} must not pass because the command crashed). Each
 * {@code expect...} method throws an {@link AssertionError} naming what differs, and returns this
 * result for the next expectation. Messages are compared with {@code equals} (records compare by
 * value); for classes without it, read {@link #events()} and {@link #commands()} with any assertion
 * library.
 *
 * @param <S> the type of the state the fixture looks at
 */
public final class Then<S> {

    private final List<Event> events;
    private final List<Command> commands;
    private final S state;
    private final Throwable failure;
    private boolean failureExpected;

    Then(List<Event> events, List<Command> commands, S state, Throwable failure) {
        this.events = events;
        this.commands = commands;
        this.state = state;
        this.failure = failure;
    }

    /**
     * @return the events delivered, in order: those the handlers raised, and for
     *     {@code ViewFixture}'s and {@code AggregateFixture}'s {@code when(entityId, event)} the event
     *     under test first
     */
    public List<Event> events() {
        return events;
    }

    /** @return the commands published by the handlers (or sent by the aggregate under test), in order */
    public List<Command> commands() {
        return commands;
    }

    /** @return the state after the {@code when}: the entity or view model, if there is one */
    public Optional<S> state() {
        return Optional.ofNullable(state);
    }

    /** @return the exception the {@code when} ended with, if it failed */
    public Optional<Throwable> exception() {
        return Optional.ofNullable(failure);
    }

    /**
     * Expects exactly these events, in this order.
     *
     * @param expected the events
     * @return this result
     */
    public Then<S> expectEvents(Event... expected) {
        return expectMessages("events", List.of(expected), events);
    }

    /** @return this result, when no event was raised (or the {@code when} failed) */
    public Then<S> expectNoEvents() {
        return expectEvents();
    }

    /**
     * Expects exactly these commands to have been published, in this order.
     *
     * @param expected the commands
     * @return this result
     */
    public Then<S> expectCommands(Command... expected) {
        return expectMessages("commands", List.of(expected), commands);
    }

    /** @return this result, when no command was published (or the {@code when} failed) */
    public Then<S> expectNoCommands() {
        return expectCommands();
    }

    /**
     * Expects a state and checks it.
     *
     * @param check assertions on the state
     * @return this result
     */
    public Then<S> expectState(Consumer<? super S> check) {
        unexpectedFailure("a state");
        if (state == null) {
            throw new AssertionError("Expected a state, but there is none" + (failure == null ? "" : "; it failed with " + failure),
                    failure);
        }
        check.accept(state);
        return this;
    }

    /**
     * Expects a state equal to this one.
     *
     * @param expected the state
     * @return this result
     */
    public Then<S> expectState(S expected) {
        return expectState(actual -> {
            if (!Objects.equals(expected, actual)) {
                throw new AssertionError("Expected the state " + expected + " but it is " + actual);
            }
        });
    }

    /** @return this result, when there is no state (none was made, or the view keeps none under this id) */
    public Then<S> expectNoState() {
        unexpectedFailure("no state");
        if (state != null) {
            throw new AssertionError("Expected no state, but there is " + state);
        }
        return this;
    }

    /** @return this result, when the {@code when} ended without an exception */
    public Then<S> expectSuccess() {
        return succeeded("success");
    }

    /**
     * Expects the {@code when} to have failed with an exception of this type (or a subtype).
     *
     * @param type the exception type
     * @return this result
     */
    public Then<S> expectException(Class<? extends Throwable> type) {
        if (failure == null) {
            throw new AssertionError("Expected " + type.getName() + ", but it succeeded");
        }
        if (!type.isInstance(failure)) {
            throw new AssertionError("Expected " + type.getName() + ", but it failed with " + failure, failure);
        }
        failureExpected = true;
        return this;
    }

    /**
     * Expects the {@code when} to have failed with an exception of this type whose message contains a text.
     *
     * @param type the exception type
     * @param messagePart a part of its message
     * @return this result
     */
    public Then<S> expectException(Class<? extends Throwable> type, String messagePart) {
        expectException(type);
        String message = failure.getMessage();
        if (message == null || !message.contains(messagePart)) {
            throw new AssertionError("Expected the message of " + failure + " to contain '" + messagePart + "'", failure);
        }
        return this;
    }

    /** A failure no {@code expectException} accepted fails every other expectation, so that none passes by accident. */
    private void unexpectedFailure(String expected) {
        if (failure != null && !failureExpected) {
            throw new AssertionError("Expected " + expected + ", but it failed with " + failure
                    + " (call expectException first when the failure is expected)", failure);
        }
    }

    private Then<S> succeeded(String expected) {
        if (failure != null) {
            throw new AssertionError("Expected " + expected + ", but it failed with " + failure, failure);
        }
        return this;
    }

    private Then<S> expectMessages(String kind, List<?> expected, List<?> actual) {
        unexpectedFailure(expected.isEmpty() ? "no " + kind : kind + " " + expected);
        if (!expected.equals(actual)) {
            throw new AssertionError("Expected " + kind + " " + expected + "\n but got " + actual);
        }
        return this;
    }
}
