package io.sourceflow.cdi.pipeline;

import io.sourceflow.Command;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.spi.Outcome;
import io.sourceflow.spi.CommandDispatchMiddleware;
import io.sourceflow.spi.CommandDispatcher;
import io.sourceflow.spi.CommandSubscribeMiddleware;
import io.sourceflow.spi.EventDispatchMiddleware;
import io.sourceflow.spi.EventDispatcher;
import io.sourceflow.spi.EventSubscribeMiddleware;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Middleware at the four points and extra dispatchers, all recording into the {@link Journal}. */
public final class Plugins {

    private Plugins() {
    }

    /** A command no local saga handles: only {@link RemoteCommands} takes it. */
    public record Routed(EntityRef entity) implements Command {
    }

    /** A command nobody takes. */
    public record Orphan(EntityRef entity) implements Command {
    }

    /** Marks the deposits the {@link Gate} stops. */
    public static final String STOP = "stop";

    @ApplicationScoped
    public static class Outer implements CommandDispatchMiddleware {
        @Inject
        Journal journal;

        @Override
        public void handle(Envelope<? extends Command> envelope, Next<Command> next) {
            journal.record("dispatch-10", envelope);
            next.proceed(envelope);
        }

        @Override
        public int getPriority() {
            return 10;
        }
    }

    /** Runs second; stops commands whose metadata carries the {@link #STOP} property. */
    @ApplicationScoped
    public static class Gate implements CommandDispatchMiddleware {
        @Inject
        Journal journal;

        @Override
        public void handle(Envelope<? extends Command> envelope, Next<Command> next) {
            journal.record("dispatch-20", envelope);
            if (!envelope.metadata().properties().containsKey(STOP)) {
                next.proceed(envelope);
            }
        }

        @Override
        public int getPriority() {
            return 20;
        }
    }

    @ApplicationScoped
    public static class Subscribe implements CommandSubscribeMiddleware {
        @Inject
        Journal journal;

        @Override
        public void handle(Envelope<? extends Command> envelope, Next<Command> next) {
            journal.record("subscribe", envelope);
            next.proceed(envelope);
        }

        @Override
        public int getPriority() {
            return 0;
        }
    }

    @ApplicationScoped
    public static class EventDispatch implements EventDispatchMiddleware {
        @Inject
        Journal journal;

        @Override
        public void handle(Envelope<? extends Event> envelope, Next<Event> next) {
            journal.record("event-dispatch", envelope);
            next.proceed(envelope);
        }

        @Override
        public int getPriority() {
            return 0;
        }
    }

    @ApplicationScoped
    public static class EventSubscribe implements EventSubscribeMiddleware {
        @Inject
        Journal journal;

        @Override
        public void handle(Envelope<? extends Event> envelope, Next<Event> next) {
            journal.record("event-subscribe", envelope);
            next.proceed(envelope);
        }

        @Override
        public int getPriority() {
            return 0;
        }
    }

    /** A transport stand-in: sees every command, takes only {@link Routed}. */
    @ApplicationScoped
    public static class RemoteCommands implements CommandDispatcher {
        @Inject
        Journal journal;

        @Override
        public Outcome dispatch(Envelope<? extends Command> envelope) {
            journal.record("remote-commands", envelope);
            return envelope.message() instanceof Routed ? Outcome.TAKEN : Outcome.DECLINED;
        }

        @Override
        public int getPriority() {
            return 5;
        }
    }

    /** A transport stand-in that sees every event. */
    @ApplicationScoped
    public static class RemoteEvents implements EventDispatcher {
        @Inject
        Journal journal;

        @Override
        public Outcome dispatch(Envelope<? extends Event> envelope) {
            journal.record("remote-events", envelope);
            return Outcome.DECLINED;
        }

        @Override
        public int getPriority() {
            return 5;
        }
    }
}
