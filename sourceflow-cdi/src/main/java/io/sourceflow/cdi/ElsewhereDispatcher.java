package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.spi.CommandDispatcher;
import io.sourceflow.spi.Outcome;
import java.util.List;
import java.util.function.Consumer;

/**
 * Takes the commands no local saga handles and no other dispatcher forwards, and hands them to a
 * consumer, as a transport would send them to another application (so they are not logged here).
 * Used by {@link StandaloneRuntime}.
 */
final class ElsewhereDispatcher implements CommandDispatcher {

    private final HandlerRegistry registry;
    private final List<CommandDispatcher> others;
    private final Consumer<Envelope<? extends Command>> taker;

    ElsewhereDispatcher(HandlerRegistry registry, List<CommandDispatcher> others, Consumer<Envelope<? extends Command>> taker) {
        this.registry = registry;
        this.others = List.copyOf(others);
        this.taker = taker;
    }

    @Override
    public Outcome dispatch(Envelope<? extends Command> envelope) {
        if (!forwards(envelope.message().getClass())) {
            return Outcome.DECLINED;
        }
        taker.accept(envelope);
        return Outcome.TAKEN;
    }

    @Override
    public boolean forwards(Class<? extends Command> type) {
        return registry.sagaFor(type) == null && others.stream().noneMatch(d -> d.forwards(type));
    }

    @Override
    public int getPriority() {
        return LocalCommandDispatcher.PRIORITY + 1;
    }
}
