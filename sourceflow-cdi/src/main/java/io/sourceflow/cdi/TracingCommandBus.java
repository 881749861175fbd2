package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;

/**
 * Traces the bus: a {@value Telemetry#PUBLISH} span around a published command and everything it
 * causes (its events, the commands its handlers publish), a {@value Telemetry#REPLAY} span around
 * a replay.
 */
final class TracingCommandBus implements CommandBus {

    private final CommandBus delegate;
    private final Telemetry telemetry;

    TracingCommandBus(CommandBus delegate, Telemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    @Override
    public Metadata publish(Command command) {
        return publish(new Envelope<>(command, Metadata.create(command.entity().id())));
    }

    @Override
    public Metadata publish(Envelope<? extends Command> envelope) {
        return Telemetry.run(telemetry.begin(Telemetry.PUBLISH, envelope), step -> {
            Metadata logged = delegate.publish(envelope);
            step.sequenceNo(logged.sequenceNo());
            return logged;
        });
    }

    @Override
    public long replay(Class<?> entityType, EntityRef entity) {
        return Telemetry.run(telemetry.beginReplay(entity.id()), step -> delegate.replay(entityType, entity));
    }
}
