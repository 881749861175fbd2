package io.sourceflow.cdi;

import io.sourceflow.spi.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default inbox, in memory: what a failed unit of work, or a JTA transaction that did not
 * commit, recorded is forgotten again. It forgets everything when the application stops; use a
 * persistent inbox (sourceflow-jpa's) across restarts.
 */
@ApplicationScoped
public class InMemoryInbox implements Inbox {

    private final Set<String> processed = ConcurrentHashMap.newKeySet();

    @Inject
    UnitOfWork transaction;

    @Override
    public boolean record(String consumer, UUID messageId) {
        String key = consumer + '/' + messageId;
        boolean first = processed.add(key);
        if (first) {
            transaction.undoOnRollback(() -> processed.remove(key));
        }
        return first;
    }
}
