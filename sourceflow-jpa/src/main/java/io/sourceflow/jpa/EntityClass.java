package io.sourceflow.jpa;

import io.sourceflow.Personal;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.UUID;

/**
 * What the stores need to know about a JPA entity class, worked out once from the metamodel: the
 * Java type of its {@code @Id}, to convert the framework's string ids, and its {@code @Version}
 * attribute, if any: a field, or a property whose setter is resolved here too, so that a missing one
 * is reported when the class is first seen rather than at its first merge.
 */
final class EntityClass {

    private final Class<?> type;
    private final Class<?> idType;
    private final Member version;
    private final Method versionSetter;

    EntityClass(EntityType<?> entity) {
        this.type = entity.getJavaType();
        if (!entity.hasSingleIdAttribute()) {
            throw new IllegalArgumentException("SourceFlow cannot key " + type.getName()
                    + " by a string id: it has a composite id (@IdClass or @EmbeddedId)");
        }
        refusePersonalFields(type);
        this.idType = entity.getIdType().getJavaType();
        this.version = entity.hasVersionAttribute() ? versionMember(entity) : null;
        this.versionSetter = version instanceof Method getter ? setter(type, getter) : null;
    }

    /**
     * A JPA entity's columns are the application's mapping, which the serializer never sees: a personal
     * field there would be stored in plain text, so it is refused.
     */
    private static void refusePersonalFields(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(Personal.class)) {
                    throw new IllegalArgumentException(type.getName() + "." + field.getName() + " is @Personal, but "
                            + type.getSimpleName() + " is a JPA entity, whose columns SourceFlow does not encrypt: store it"
                            + " as a document (no @Entity), or unmark the field and encrypt its column yourself");
                }
            }
        }
    }

    /** Converts a framework id to this entity's id type (Long, Integer, UUID or String). */
    Object id(String id) {
        try {
            if (idType == String.class) {
                return id;
            }
            if (idType == Long.class || idType == long.class) {
                return Long.valueOf(id);
            }
            if (idType == Integer.class || idType == int.class) {
                return Integer.valueOf(id);
            }
            if (idType == UUID.class) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The id '" + id + "' does not fit the " + idType.getSimpleName()
                    + " @Id of " + type.getName(), e);
        }
        throw new IllegalArgumentException("SourceFlow cannot convert the id '" + id + "' to the @Id type "
                + idType.getName() + " of " + type.getName() + "; use Long, Integer, UUID or String");
    }

    /**
     * Gives a detached copy of an entity the version of the managed one when it has none of its
     * own (a new instance built for an existing id), so that merging it is an ordinary, version-
     * checked update rather than a stale write.
     */
    void adoptVersion(Object managed, Object detached) {
        if (version == null) {
            return;
        }
        try {
            Object own = read(detached);
            if (own == null || (own instanceof Number n && n.longValue() == 0)) {
                write(detached, read(managed));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot copy the @Version of " + type.getName(), e);
        }
    }

    private Object read(Object entity) throws ReflectiveOperationException {
        return version instanceof Field f ? f.get(entity) : ((Method) version).invoke(entity);
    }

    private void write(Object entity, Object value) throws ReflectiveOperationException {
        if (version instanceof Field f) {
            f.set(entity, value);
        } else {
            versionSetter.invoke(entity, value);
        }
    }

    /** The setter of a {@code @Version} property, declared by the entity class or a superclass. */
    private static Method setter(Class<?> type, Method getter) {
        String property = getter.getName().substring(getter.getName().startsWith("is") ? 2 : 3);
        String name = "set" + property;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Method setter = c.getDeclaredMethod(name, getter.getReturnType());
                setter.setAccessible(true);
                return setter;
            } catch (NoSuchMethodException e) {
                // not declared here: look in the superclass
            }
        }
        throw new IllegalArgumentException("SourceFlow cannot copy the @Version of " + type.getName()
                + ": its property '" + Character.toLowerCase(property.charAt(0)) + property.substring(1)
                + "' has no setter " + name + "(" + getter.getReturnType().getTypeName() + ")");
    }

    private static Member versionMember(EntityType<?> entity) {
        for (SingularAttribute<?, ?> attribute : entity.getSingularAttributes()) {
            if (attribute.isVersion()) {
                Member member = attribute.getJavaMember();
                if (member instanceof Field f) {
                    f.setAccessible(true);
                } else if (member instanceof Method m) {
                    m.setAccessible(true);
                }
                return member;
            }
        }
        throw new IllegalStateException(entity.getJavaType().getName() + " reports a version attribute but has none");
    }
}
