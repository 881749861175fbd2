package io.sourceflow.cdi;

import io.sourceflow.spi.CommandStore;
import java.util.Collection;
import java.util.List;
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
     * @param entityClass a saga's entity class (or a supertype of some, of which the one whose log holds
     *     the id), or null for the one type whose log holds the id
     * @return the name; empty when no log holds the id
     * @throws IllegalArgumentException when the class is no saga's entity type here nor a supertype of
     *     one, or several types' logs hold the id
     */
    Optional<String> of(Class<?> entityClass, String entityId, CommandStore log) {
        return entityClass == null ? soleHolder(registry.entityTypes(), true, entityId, log) : named(entityClass, entityId, log);
    }

    /** The one of the entity types whose log holds the id, else, when asked to, the untyped log's. */
    private static Optional<String> soleHolder(Collection<Class<?>> entities, boolean orUntyped, String entityId,
            CommandStore log) {
        Set<String> types = new TreeSet<>();
        for (Class<?> entity : entities) {
            String name = EntityNames.of(entity);
            if (log.holds(name, entityId, 1)) {
                types.add(name);
            }
        }
        if (types.isEmpty() && orUntyped && log.holds("", entityId, 1)) {
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

    /**
     * The name of a saga's entity class, exactly.
     *
     * @throws IllegalArgumentException when it is no saga's entity type here
     */
    String nameOf(Class<?> entityClass) {
        String name = EntityNames.of(entityClass);
        if (registry.entityNamed(name) != entityClass) {
            throw notAnEntity(entityClass, "");
        }
        return name;
    }

    /** The class the name stands for, or null when no saga here keeps it. */
    Class<?> entityNamed(String name) {
        return registry.entityNamed(name);
    }

    /** A saga's entity class, or a supertype of several, of which the one whose log holds the id. */
    private Optional<String> named(Class<?> entityClass, String entityId, CommandStore log) {
        String name = EntityNames.of(entityClass);
        if (registry.entityNamed(name) == entityClass) {
            return Optional.of(name);
        }
        List<Class<?>> subtypes = registry.entityTypes().stream().filter(entityClass::isAssignableFrom).toList();
        if (subtypes.isEmpty()) {
            throw notAnEntity(entityClass, ", nor a supertype of one");
        }
        return soleHolder(subtypes, false, entityId, log);
    }

    private IllegalArgumentException notAnEntity(Class<?> entityClass, String orSupertype) {
        return new IllegalArgumentException(entityClass.getName() + " is not the entity type of a saga here" + orSupertype
                + "; the entity types are " + registry.entityTypes().stream().map(Class::getName).sorted().toList());
    }
}
