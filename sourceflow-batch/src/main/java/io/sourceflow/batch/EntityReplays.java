package io.sourceflow.batch;

import io.sourceflow.CommandBus;
import io.sourceflow.ConcurrencyException;
import io.sourceflow.EntityRef;
import io.sourceflow.ViewRebuilds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Replays one entity in a transaction of its own, outside the chunk's: the bus begins it and retries
 * it when another writer got there first, and this retries a few times more (the other writer has
 * committed or rolled back by the time a conflict is reported, so no pause is needed), so that
 * replays of a job's partitions that meet on one view model (kept under a key many entities' events
 * carry) wait for each other instead of failing the chunk. An entity replayed again after a crash
 * (its chunk's checkpoint never committed) comes out the same: a replay rebuilds the entity and the
 * models kept under its id, and a view kept under another key passes by what it applied.
 */
@ApplicationScoped
public class EntityReplays {

    /** Attempts of one entity's replay, each with the bus's own retries. */
    static final int ATTEMPTS = 10;

    private static final Logger LOG = Logger.getLogger(EntityReplays.class.getName());

    @Inject
    CommandBus bus;

    @Inject
    ViewRebuilds rebuilds;

    /**
     * Replays an entity in a transaction of its own.
     *
     * @param entityType the entity's class
     * @param id its id
     * @param views the views to rebuild alone ({@link ViewRebuilds#replay}), or none to rebuild the entity
     *     and every view ({@link CommandBus#replay})
     * @return how many commands were replayed
     * @throws ConcurrencyException when every attempt met another writer
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public long replay(Class<?> entityType, String id, Set<Class<?>> views) {
        for (int attempt = 1;; attempt++) {
            try {
                return views.isEmpty() ? bus.replay(entityType, EntityRef.of(id)) : rebuilds.replay(entityType, EntityRef.of(id), views);
            } catch (ConcurrencyException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                int next = attempt + 1;
                LOG.log(Level.FINE, e, () -> "Replay of '" + id + "' met another writer; attempt " + next + " of " + ATTEMPTS);
            }
        }
    }
}
