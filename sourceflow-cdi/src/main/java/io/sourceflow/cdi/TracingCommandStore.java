package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.spi.CommandStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Traces appends to the command log as {@value Telemetry#APPEND} spans. */
final class TracingCommandStore implements CommandStore {

    private final CommandStore delegate;
    private final Telemetry telemetry;

    TracingCommandStore(CommandStore delegate, Telemetry telemetry) {
        this.delegate = delegate;
        this.telemetry = telemetry;
    }

    @Override
    public long append(Envelope<? extends Command> envelope) {
        return Telemetry.run(telemetry.begin(Telemetry.APPEND, envelope), step -> {
            long sequenceNo = delegate.append(envelope);
            step.sequenceNo(sequenceNo);
            return sequenceNo;
        });
    }

    @Override
    public Optional<Instant> firstLoggedOn(String entityType, String entityId) {
        return delegate.firstLoggedOn(entityType, entityId);
    }

    @Override
    public void lock(String entityType, String entityId) {
        delegate.lock(entityType, entityId);
    }

    @Override
    public Stream<Envelope<Command>> load(String entityType, String entityId) {
        return delegate.load(entityType, entityId);
    }

    @Override
    public Stream<Envelope<Command>> load(String entityType, String entityId, long afterSequenceNo) {
        return delegate.load(entityType, entityId, afterSequenceNo);
    }

    @Override
    public List<String> entityIds(String entityType, String afterId, int max) {
        return delegate.entityIds(entityType, afterId, max);
    }

    @Override
    public boolean holds(String entityType, String entityId, long sequenceNo) {
        return delegate.holds(entityType, entityId, sequenceNo);
    }
}
