package io.sourceflow.cdi;

import io.sourceflow.spi.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default inbox, in memory: what a failed unit of work, or a JTA transaction that did not
 * commit, recorded is forgotten again. It forgets everything when the application stops; use a
 * persistent inbox (sourceflow-jpa's) across restarts.
 */
@ApplicationScoped
public class InMemoryInbox implements Inbox {

    private final Map<String, Instant> processed = new ConcurrentHashMap<>();

    @Inject
    UnitOfWork transaction;

    @Override
    public boolean record(String consumer, UUID messageId) {
        String key = consumer + '/' + messageId;
        boolean first = processed.putIfAbsent(key, Instant.now()) == null;
        if (first) {
            transaction.undoOnRollback(() -> processed.remove(key));
        }
        return first;
    }

    @Override
    public int purge(Instant recordedBefore) {
        int purged = 0;
        for (Map.Entry<String, Instant> entry : List.copyOf(processed.entrySet())) {
            if (entry.getValue().isBefore(recordedBefore) && processed.remove(entry.getKey(), entry.getValue())) {
                transaction.undoOnRollback(() -> processed.putIfAbsent(entry.getKey(), entry.getValue()));
                purged++;
            }
        }
        return purged;
    }
}
