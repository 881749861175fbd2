package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.spi.CommandDispatcher;
import io.sourceflow.spi.CommandSubscribeMiddleware;
import io.sourceflow.spi.Outcome;
import java.util.List;

/**
 * Takes the commands a local saga handles and runs them through the command-subscribe middleware
 * to the sagas (a {@link SagaDispatcher}, traced as {@value Telemetry#HANDLE} when telemetry is on).
 */
final class LocalCommandDispatcher implements CommandDispatcher {

    static final int PRIORITY = 1000;

    private final HandlerRegistry registry;
    private final Pipeline<Command> pipeline;

    LocalCommandDispatcher(HandlerRegistry registry, CommandDispatcher sagas, List<CommandSubscribeMiddleware> middleware) {
        this.registry = registry;
        this.pipeline = new Pipeline<Command>(middleware, envelope -> sagas.dispatch(envelope), Outcome.TAKEN);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public Outcome dispatch(Envelope<? extends Command> envelope) {
        if (registry.sagaFor(envelope.message().getClass()) == null) {
            return Outcome.DECLINED;
        }
        return pipeline.run(envelope);
    }
}
