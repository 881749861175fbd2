package io.sourceflow.cdi;

import io.sourceflow.spi.CommandStore;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which entity type a replay or a history page means: the name of the entity class it is given, or,
 * given none, the one type whose log holds the id: each saga's entity type here is asked (a probe of
 * the log's key, per type), and the empty type of commands no saga here handles when none holds it.
 */
final class LoggedTypes {

    private final HandlerRegistry registry;

    LoggedTypes(HandlerRegistry registry) {
        this.registry = registry;
    }

    /**
     * The type's name.
     *
     * @param entityClass a saga's entity class, or null for the one type whose log holds the id
     * @return the name; empty when no log holds the id
     * @throws IllegalArgumentException when the class is no saga's entity type here, or several
     *     types' logs hold the id
     */
    Optional<String> of(Class<?> entityClass, String entityId, CommandStore log) {
        if (entityClass != null) {
            return Optional.of(nameOf(entityClass));
        }
        Set<String> types = new TreeSet<>();
        for (Class<?> entity : registry.entityTypes()) {
            String name = EntityNames.of(entity);
            if (log.holds(name, entityId, 1)) {
                types.add(name);
            }
        }
        if (types.isEmpty() && log.holds("", entityId, 1)) {
            return Optional.of("");
        }
        if (types.size() > 1) {
            throw new IllegalArgumentException("The logs of several entity types hold entity '" + entityId + "': "
                    + types + "; name the type (its entity class)");
        }
        return types.stream().findFirst();
    }

    /** The entity type name of a command class (see {@link HandlerRegistry#entityTypeOf}). */
    String entityTypeOf(Class<?> commandType) {
        return registry.entityTypeOf(commandType);
    }

    /** The class the name stands for, or null when no saga here keeps it. */
    Class<?> entityNamed(String name) {
        return registry.entityNamed(name);
    }

    private String nameOf(Class<?> entityClass) {
        String name = EntityNames.of(entityClass);
        if (registry.entityNamed(name) != entityClass) {
            throw new IllegalArgumentException(entityClass.getName() + " is not the entity type of a saga here; the entity"
                    + " types are " + registry.entityTypes().stream().map(Class::getName).sorted().toList());
        }
        return name;
    }
}
