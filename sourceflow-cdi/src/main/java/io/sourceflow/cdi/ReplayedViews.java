package io.sourceflow.cdi;

import java.util.HashSet;
import java.util.Set;

/**
 * The view models a replay has cleared so far, on the replaying thread: a replay starts each view
 * model its entity's events reach from empty, once, and leaves the models it does not reach (those
 * another entity type's events keep under the same id). The bus opens and closes the replay; the
 * views' projections ask it before they load a model.
 */
final class ReplayedViews {

    private final ThreadLocal<Set<String>> cleared = new ThreadLocal<>();

    /**
     * Starts a replay on this thread.
     *
     * @throws IllegalStateException when a replay runs on this thread already (one inside another
     *     would stop the outer one from clearing the models it reaches next)
     */
    void begin() {
        if (cleared.get() != null) {
            throw new IllegalStateException("A replay is running on this thread already; start the next one after it");
        }
        cleared.set(new HashSet<>());
    }

    /** Ends the replay on this thread. */
    void end() {
        cleared.remove();
    }

    /**
     * Whether the model must be cleared before the event is projected: a replay runs on this thread
     * and has not cleared it yet (it counts as cleared from now on).
     */
    boolean clearFirst(Class<?> modelType, String id) {
        Set<String> done = cleared.get();
        return done != null && done.add(modelType.getName() + '\u0000' + id);
    }
}
