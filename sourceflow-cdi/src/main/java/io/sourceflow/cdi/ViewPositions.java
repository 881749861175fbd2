package io.sourceflow.cdi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How far each view has got in the events of the source entities with one id, kept by the runtime
 * in the view-model store under that id (as a JSON document of this type), in the same transaction
 * as the models; entities of two types with that id have a position each. A view's position is
 * the sequence number of the last command whose events it applied, and which of that command's
 * events each of its projection methods applied (a command may raise several). The runtime reads and writes it; applications do not.
 *
 * @param views the position of each view, by view class name (followed by {@code @} and the rebuild
 *     generation once the view was rebuilt alone, see {@link ViewRebuild}) and, after a space, the source entity's
 *     type name (the view class name alone for an untyped entity; positions kept under it before
 *     entity types were are not read for a typed one, which could be another type's)
 */
public record ViewPositions(Map<String, Position> views) {

    /** Nothing applied yet. */
    static final ViewPositions NONE = new ViewPositions(Map.of());
    /** How a position before the first command counts the events left to a rebuild. */
    private static final String LEFT = "left ";

    /** Copies the map. */
    public ViewPositions {
        views = views == null ? Map.of() : Map.copyOf(views);
    }

    /**
     * One projection's position in an entity's events.
     *
     * @param sequenceNo the sequence number of the last command whose events it applied
     * @param applied that command's events it applied, each as {@code message-id method(event class)}
     */
    public record Position(long sequenceNo, List<String> applied) {

        /** Copies the list. */
        public Position {
            applied = applied == null ? List.of() : List.copyOf(applied);
        }
    }

    /**
     * The positions after a view's projection takes an event, or empty when it must not: the
     * event belongs to an older command than the last one the view applied, or the projection
     * applied it already.
     */
    Optional<ViewPositions> take(String view, String entityType, long sequenceNo, String event) {
        String key = key(view, entityType);
        Position last = of(view, entityType);
        Position next;
        if (last == null || sequenceNo > last.sequenceNo()) {
            next = new Position(sequenceNo, List.of(event));
        } else if (sequenceNo == last.sequenceNo() && !last.applied().contains(event)) {
            List<String> applied = new ArrayList<>(last.applied());
            applied.add(event);
            next = new Position(sequenceNo, applied);
        } else {
            return Optional.empty();
        }
        return Optional.of(with(view, key, next));
    }

    /**
     * The positions after a view left an event to the rebuild under way ({@link ViewRebuild}): kept as
     * a position before the entity's first command (number 0) counting the events left, so that the
     * rebuild's replay of the entity takes them all, and so that writing it conflicts with that replay
     * where a transaction reads an older snapshot than the replay committed.
     */
    ViewPositions leave(String view, String entityType) {
        String key = key(view, entityType);
        Position last = views.get(key);
        long left = last == null || last.applied().isEmpty() ? 0 : Long.parseLong(last.applied().get(0).substring(LEFT.length()));
        return with(view, key, new Position(0, List.of(LEFT + (left + 1))));
    }

    /**
     * The positions after a rebuild replayed an entity whose events this view took none of: the view
     * has passed the entity's commands up to {@code sequenceNo}, so its live events are taken from now on.
     */
    ViewPositions passed(String view, String entityType, long sequenceNo) {
        String key = key(view, entityType);
        if (views.get(key) != null && views.get(key).sequenceNo() > 0) {
            return this;
        }
        return with(view, key, new Position(sequenceNo, List.of()));
    }

    /**
     * The position of a view in an entity type's events, or null when it has taken none. For an event
     * of no known type (from a server of a release before entity types) it is the furthest position of
     * the view under any type, so that during a rolling upgrade a late event of an older command never
     * puts back state that the same entity's typed events moved past.
     */
    Position of(String view, String entityType) {
        if (entityType != null && !entityType.isEmpty()) {
            return views.get(key(view, entityType));
        }
        Position furthest = null;
        for (Map.Entry<String, Position> kept : views.entrySet()) {
            boolean ofView = kept.getKey().equals(view) || kept.getKey().startsWith(view + " ");
            if (ofView && (furthest == null || kept.getValue().sequenceNo() > furthest.sequenceNo())) {
                furthest = kept.getValue();
            }
        }
        return furthest;
    }

    /** These positions with one set, the view's positions of earlier generations dropped. */
    private ViewPositions with(String view, String key, Position position) {
        Map<String, Position> all = new HashMap<>(views);
        all.keySet().removeIf(kept -> ofEarlierGeneration(kept, view));
        all.put(key, position);
        return new ViewPositions(all);
    }

    /**
     * Whether a kept position is the view's, of an earlier generation ({@link ViewRebuild#positionsOf}):
     * a rebuild made it count for nothing, and the first position taken after it drops it.
     */
    private static boolean ofEarlierGeneration(String kept, String view) {
        int space = kept.indexOf(' ');
        String keptView = space < 0 ? kept : kept.substring(0, space);
        return baseOf(keptView).equals(baseOf(view)) && generationOf(keptView) < generationOf(view);
    }

    private static String baseOf(String view) {
        int at = view.indexOf('@');
        return at < 0 ? view : view.substring(0, at);
    }

    private static long generationOf(String view) {
        int at = view.indexOf('@');
        return at < 0 ? 0 : Long.parseLong(view.substring(at + 1));
    }

    private static String key(String view, String entityType) {
        return entityType == null || entityType.isEmpty() ? view : view + " " + entityType;
    }
}
