package io.sourceflow.cdi;

import io.sourceflow.CommandStatus;
import io.sourceflow.spi.CommandStatusStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default command-status store, in memory, for tests and Java SE: what a unit of work that does
 * not commit recorded is undone, and everything is forgotten when the application stops. It sees
 * only this JVM's commands; use a persistent store (sourceflow-jpa's) between servers.
 */
@ApplicationScoped
public class InMemoryCommandStatusStore implements CommandStatusStore {

    private final Map<UUID, CommandStatus> statuses = new ConcurrentHashMap<>();

    @Inject
    UnitOfWork transaction;

    @Override
    public Optional<CommandStatus> find(UUID messageId) {
        return Optional.ofNullable(statuses.get(Objects.requireNonNull(messageId, "messageId")));
    }

    @Override
    public void record(CommandStatus status) {
        UUID id = status.messageId();
        CommandStatus previous = statuses.put(id, status);
        transaction.undoOnRollback(() -> {
            if (previous == null) {
                statuses.remove(id, status);
            } else {
                statuses.replace(id, status, previous);
            }
        });
    }

    @Override
    public int purge(Instant recordedBefore) {
        int purged = 0;
        for (CommandStatus status : List.copyOf(statuses.values())) {
            if (status.recordedOn().isBefore(recordedBefore) && statuses.remove(status.messageId(), status)) {
                transaction.undoOnRollback(() -> statuses.putIfAbsent(status.messageId(), status));
                purged++;
            }
        }
        return purged;
    }
}
