package io.sourceflow.cdi;

import jakarta.inject.Singleton;
import io.sourceflow.spi.KeyedStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The views a replay running on this thread projects into when it rebuilds them alone
 * ({@link io.sourceflow.ViewRebuilds#replay}), and the entities it recomputes meanwhile, in memory.
 * Outside such a replay nothing is bound and everything passes. Bound for the call, like
 * {@link CurrentHandler}, because the bus's decorators (transaction, retry, tracing) sit between
 * the caller and the dispatchers that ask. A {@code @Singleton}, injected as itself.
 */
@Singleton
public class RebuildScope {

    private final ThreadLocal<Scope> current = new ThreadLocal<>();

    /**
     * What the running replay rebuilds.
     *
     * @param views the views it projects into, by class name
     * @param keyed those of them that keep their models under a key the events carry
     * @param entities the entities it recomputes, by entity class name, NUL, id
     */
    record Scope(Set<String> views, Set<String> keyed, Map<String, Object> entities) {
    }

    /**
     * Runs a replay that projects into these views alone and keeps its entities in memory.
     *
     * @param views the views' class names
     * @param keyed those that keep their models under a key the events carry
     * @param replay the replay
     * @return what it returned
     */
    <T> T run(Set<String> views, Set<String> keyed, Supplier<T> replay) {
        if (current.get() != null) {
            throw new IllegalStateException("A rebuild's replay is running on this thread already; start the next one after it");
        }
        current.set(new Scope(Set.copyOf(views), Set.copyOf(keyed), new HashMap<>()));
        try {
            return replay.get();
        } finally {
            current.remove();
        }
    }

    /** The running replay's scope, or null when none rebuilds views alone on this thread. */
    Scope get() {
        return current.get();
    }

    /**
     * Records, at the end of a rebuild's replay of an entity, that each keyed view it rebuilds has passed
     * the entity's commands, also where none of its events reached the view: the view takes the
     * entity's live events from now on, where it left them to the rebuild before ({@link ViewRebuild}).
     * Nothing outside such a replay.
     *
     * @param models the view-model store, in the replay's transaction
     * @param states where the views' rebuild states are ({@link ViewRebuild})
     * @param entityType the entity's type name
     * @param entityId its id
     * @param lastSequenceNo the number of the last command replayed
     */
    void passed(KeyedStore models, KeyedStore states, String entityType, String entityId, long lastSequenceNo) {
        Scope scope = current.get();
        if (scope == null || scope.keyed().isEmpty()) {
            return;
        }
        ViewPositions positions = models.find(ViewPositions.class, entityId).orElse(ViewPositions.NONE);
        ViewPositions next = positions;
        for (String view : scope.keyed()) {
            ViewRebuild rebuild = states.find(ViewRebuild.class, view).orElse(ViewRebuild.NONE);
            next = next.passed(rebuild.positionsOf(view), entityType, lastSequenceNo);
        }
        if (next != positions) {
            models.persist(ViewPositions.class, entityId, next);
        }
    }

    /**
     * Whether a handler must pass the event by: a replay rebuilds views alone and the handler is not one
     * of them.
     *
     * @param view the view's class name, or null for a handler that is no view
     */
    boolean passesBy(String view) {
        Scope scope = current.get();
        return scope != null && (view == null || !scope.views().contains(view));
    }
}
