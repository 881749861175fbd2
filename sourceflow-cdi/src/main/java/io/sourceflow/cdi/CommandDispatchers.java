package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.DuplicateDispatchException;
import io.sourceflow.Envelope;
import io.sourceflow.NoHandlerException;
import io.sourceflow.spi.CommandDispatchMiddleware;
import io.sourceflow.spi.CommandDispatcher;
import io.sourceflow.spi.MessageTypes;
import io.sourceflow.spi.Outcome;
import java.util.List;

/**
 * Every command dispatcher as one: runs the command-dispatch middleware, then offers the command to
 * each dispatcher in priority order. Exactly one must take it: none is a {@link NoHandlerException},
 * a second a {@link DuplicateDispatchException} (the unit of work then rolls back what the first did).
 * A command published here and taken by a dispatcher that {@linkplain CommandDispatcher#forwardsToOwnQueue()
 * forwards to a queue this application consumes} is offered to no later dispatcher: the local saga
 * gets it when it comes back.
 */
final class CommandDispatchers implements CommandDispatcher {

    private final List<CommandDispatcher> dispatchers;
    private final MessageTypes types;
    private final Pipeline<Command> pipeline;

    CommandDispatchers(List<CommandDispatcher> dispatchers, List<CommandDispatchMiddleware> middleware, MessageTypes types) {
        this.dispatchers = Pipeline.byPriority(dispatchers);
        this.types = types;
        this.pipeline = new Pipeline<Command>(middleware, envelope -> offer(envelope), Outcome.TAKEN);
    }

    @Override
    public Outcome dispatch(Envelope<? extends Command> envelope) {
        return pipeline.run(envelope);
    }

    @Override
    public boolean forwards(Class<? extends Command> type) {
        for (CommandDispatcher dispatcher : dispatchers) {
            if (dispatcher.forwards(type)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getPriority() {
        return 0;
    }

    private Outcome offer(Envelope<? extends Command> envelope) {
        Outcome taken = null;
        CommandDispatcher taker = null;
        for (CommandDispatcher dispatcher : dispatchers) {
            Outcome outcome = dispatcher.dispatch(envelope);
            if (outcome.taken()) {
                if (taken != null) {
                    throw new DuplicateDispatchException(describe(envelope) + " was taken by " + name(taker) + " and again by "
                            + name(dispatcher) + "; a command goes to exactly one dispatcher, so nothing of it is kept");
                }
                taken = outcome;
                taker = dispatcher;
                if (dispatcher.forwardsToOwnQueue() && !envelope.metadata().isRemote()) {
                    break; // it comes back from the queue, and the local saga of the server it reaches takes it then
                }
            }
        }
        if (taken == null) {
            throw new NoHandlerException("No handler for " + describe(envelope)
                    + ": no saga here handles it and no dispatcher routes it elsewhere");
        }
        return taken;
    }

    private String describe(Envelope<? extends Command> envelope) {
        Class<? extends Command> type = envelope.message().getClass();
        return "command " + type.getName() + " (alias '" + types.aliasOf(type) + "') for entity '"
                + envelope.metadata().entityId() + "' #" + envelope.metadata().sequenceNo();
    }

    private static String name(CommandDispatcher dispatcher) {
        return dispatcher.getClass().getName();
    }
}
