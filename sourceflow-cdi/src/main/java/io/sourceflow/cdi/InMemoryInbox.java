package io.sourceflow.cdi;

import io.sourceflow.spi.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The default inbox, in memory: what a failed unit of work recorded is forgotten again. */
@ApplicationScoped
public class InMemoryInbox implements Inbox {

    private final Set<String> processed = ConcurrentHashMap.newKeySet();

    @Inject
    Units units;

    @Override
    public boolean record(String consumer, UUID messageId) {
        String key = consumer + '/' + messageId;
        boolean first = processed.add(key);
        Unit unit = units.current();
        if (first && unit != null) {
            unit.onRollback(() -> processed.remove(key));
        }
        return first;
    }
}
