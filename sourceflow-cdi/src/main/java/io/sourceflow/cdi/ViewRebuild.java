package io.sourceflow.cdi;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where a view stands in its rebuilds ({@link io.sourceflow.ViewRebuilds}), kept by the runtime in
 * the view-model store under the view's class name (as a JSON document of this type). Read for each
 * event by the views that keep their models under a key the events carry; applications do not use it.
 *
 * @param generation how many times the view was rebuilt: its positions in the entities' events
 *     ({@link ViewPositions}) are kept under its class name and this number, so that a rebuild starts
 *     them over without visiting every entity; 0 before the first rebuild (under the name alone)
 * @param entityTypes while a rebuild runs, the names of the entity types it replays; empty otherwise
 * @param newFrom while a rebuild runs, the instant from which an entity whose first command was appended
 *     then is one the rebuild need not replay; null while it settles (no entity is new then) and when
 *     none runs
 * @param owner who runs the rebuild (the replay job's instance), null when none runs
 */
public record ViewRebuild(long generation, List<String> entityTypes, Instant newFrom, String owner) {

    /** Never rebuilt. */
    static final ViewRebuild NONE = new ViewRebuild(0, List.of(), null, null);

    /** Copies the list. */
    public ViewRebuild {
        entityTypes = entityTypes == null ? List.of() : List.copyOf(entityTypes);
    }

    /** Whether a rebuild runs. */
    boolean running() {
        return !entityTypes.isEmpty();
    }

    /** The name the view's positions are kept under in this generation. */
    String positionsOf(String view) {
        return generation == 0 ? view : view + "@" + generation;
    }

    /**
     * Whether the view must leave an entity's new event to the rebuild: one runs and replays the entity's
     * type, the rebuild has not replayed the entity yet (the view has no position in this generation but
     * the events it left, {@link ViewPositions#leave}), and the entity is older than the rebuild (its
     * first command was appended before {@link #newFrom}, or the rebuild still settles; an entity created
     * since has no history the rebuild must put first).
     *
     * @param firstCommandOn when the entity's first command was appended, asked only when all else holds
     */
    boolean leavesToRebuild(String entityType, long sequenceNo, ViewPositions.Position position,
            Supplier<Instant> firstCommandOn) {
        if (!entityTypes.contains(entityType == null ? "" : entityType) || position != null && position.sequenceNo() > 0) {
            return false;
        }
        return newFrom == null || sequenceNo > 1 && firstCommandOn.get().isBefore(newFrom);
    }
}
