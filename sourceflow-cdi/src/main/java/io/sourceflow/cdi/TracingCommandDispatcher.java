package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.spi.CommandDispatcher;
import io.sourceflow.spi.Outcome;

/** Traces a command dispatcher's work as spans of one name ({@value Telemetry#HANDLE} for the sagas). */
final class TracingCommandDispatcher implements CommandDispatcher {

    private final CommandDispatcher delegate;
    private final Telemetry telemetry;
    private final String operation;

    TracingCommandDispatcher(CommandDispatcher delegate, Telemetry telemetry, String operation) {
        this.delegate = delegate;
        this.telemetry = telemetry;
        this.operation = operation;
    }

    @Override
    public Outcome dispatch(Envelope<? extends Command> envelope) {
        return Telemetry.run(telemetry.begin(operation, envelope), step -> delegate.dispatch(envelope));
    }

    @Override
    public boolean forwards(Class<? extends Command> type) {
        return delegate.forwards(type);
    }

    @Override
    public int getPriority() {
        return delegate.getPriority();
    }
}
