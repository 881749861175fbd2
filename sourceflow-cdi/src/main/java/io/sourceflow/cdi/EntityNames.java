package io.sourceflow.cdi;

import io.sourceflow.EntityType;
import io.sourceflow.Metadata;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The logical names of entity types ({@link EntityType}, else the simple class name), which key the
 * command log with the entity id, and the rules they keep: valid, not starting with {@code #} (kept
 * for rows of no type yet), and one class per name.
 */
final class EntityNames {

    private EntityNames() {
    }

    /** The name of an entity class, unchecked. */
    static String of(Class<?> entity) {
        EntityType annotation = entity.getAnnotation(EntityType.class);
        return annotation == null ? entity.getSimpleName() : annotation.value();
    }

    /** Every broken rule among the sagas' entity classes, naming the classes; empty when none. */
    static List<String> check(Collection<Class<?>> entities) {
        List<String> problems = new ArrayList<>();
        for (Class<?> entity : entities) {
            String name = of(entity);
            try {
                Metadata.checkEntityType(name);
                if (name.startsWith("#")) {
                    problems.add(entity.getName() + ": the entity type name '" + name + "' starts with '#', which marks"
                            + " the log's rows of no type yet (#unadopted); fix its @EntityType");
                }
            } catch (IllegalArgumentException e) {
                problems.add(entity.getName() + ": " + e.getMessage() + "; fix its @EntityType");
            }
        }
        Map<String, List<String>> byName = entities.stream().distinct()
                .collect(Collectors.groupingBy(EntityNames::of, TreeMap::new,
                        Collectors.mapping(Class::getName, Collectors.toList())));
        byName.forEach((name, classes) -> {
            if (classes.size() > 1) {
                problems.add("entity type name '" + name + "' is used by " + classes
                        + "; give each a distinct @EntityType, as their logs are kept apart by it");
            }
        });
        return problems;
    }
}
