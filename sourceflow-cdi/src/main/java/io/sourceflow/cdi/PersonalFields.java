package io.sourceflow.cdi;

import io.sourceflow.DataSubject;
import io.sourceflow.EntityRef;
import io.sourceflow.Personal;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where a class's {@link Personal} data is, by JSON property name: its personal fields, its
 * {@link DataSubject}, and the fields whose values (an object, the elements of a list or array, the
 * values of a map) hold personal fields of their own. Read once per class; a class that breaks a
 * rule fails with an {@link IllegalArgumentException} naming the class and field.
 */
final class PersonalFields {

    /** How a nested field holds its objects. */
    enum Shape { ONE, MANY, MAP }

    /** A field whose objects hold personal data. */
    record Nested(String name, Shape shape, Class<?> type) {
    }

    /**
     * One class's personal data.
     *
     * @param type the class
     * @param personal the JSON names of its personal fields
     * @param subject the JSON name of its subject field, or {@code null}
     * @param subjectIsRef whether the subject is an {@link EntityRef} (its {@code id} names the subject)
     * @param nested the fields holding objects with personal data
     */
    record Model(Class<?> type, List<String> personal, String subject, boolean subjectIsRef, List<Nested> nested) {

        boolean isPlain() {
            return personal.isEmpty() && nested.isEmpty();
        }
    }

    private final ClassValue<Model> models = new ClassValue<>() {
        @Override
        protected Model computeValue(Class<?> type) {
            return read(type);
        }
    };

    /**
     * The class's personal data.
     *
     * @param type the class
     * @return its model; {@link Model#isPlain()} for most classes
     * @throws IllegalArgumentException when the class breaks a rule
     */
    Model of(Class<?> type) {
        return models.get(type);
    }

    private static Model read(Class<?> type) {
        List<String> personal = new ArrayList<>();
        List<Nested> nested = new ArrayList<>();
        String subject = null;
        boolean subjectIsRef = false;
        if (!opaque(type)) {
            for (Field field : fields(type)) {
                boolean isPersonal = field.isAnnotationPresent(Personal.class);
                boolean isSubject = field.isAnnotationPresent(DataSubject.class);
                String name = name(field);
                if (isPersonal && isSubject) {
                    throw rule(type, field, "is both @Personal and @DataSubject: the subject is written in plain text");
                }
                if (isPersonal && field.getType().isPrimitive()) {
                    throw rule(type, field, "is @Personal but a primitive, which cannot read as null once forgotten: use "
                            + "its wrapper type");
                }
                if (isSubject) {
                    if (subject != null) {
                        throw rule(type, field, "is a second @DataSubject: a class names one subject");
                    }
                    subject = name;
                    subjectIsRef = subjectType(type, field);
                } else if (isPersonal) {
                    personal.add(name);
                } else {
                    nested(field, name).ifPresent(nested::add);
                }
            }
        }
        return new Model(type, List.copyOf(personal), subject, subjectIsRef, List.copyOf(nested));
    }

    private static boolean subjectType(Class<?> type, Field field) {
        Class<?> subject = field.getType();
        if (subject == EntityRef.class) {
            return true;
        }
        if (CharSequence.class.isAssignableFrom(subject) || Number.class.isAssignableFrom(subject)
                || subject == UUID.class || subject == long.class || subject == int.class) {
            return false;
        }
        throw rule(type, field, "is a @DataSubject of type " + subject.getName()
                + ": a subject is a String, a number, a UUID or an EntityRef");
    }

    /** The field's objects, when they hold personal data. */
    private static Optional<Nested> nested(Field field, String name) {
        Type generic = field.getGenericType();
        Class<?> raw = field.getType();
        Shape shape = Shape.ONE;
        Type element = generic;
        if (raw.isArray()) {
            shape = Shape.MANY;
            element = generic instanceof GenericArrayType array ? array.getGenericComponentType() : raw.getComponentType();
        } else if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw) || raw == Optional.class) {
            if (!(generic instanceof ParameterizedType parameterized)) {
                return Optional.empty();
            }
            Type[] arguments = parameterized.getActualTypeArguments();
            shape = Map.class.isAssignableFrom(raw) ? Shape.MAP : raw == Optional.class ? Shape.ONE : Shape.MANY;
            element = arguments[arguments.length - 1];
        }
        Class<?> type = element instanceof Class<?> c ? c
                : element instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : null;
        if (type == null || !reaches(type, new HashSet<>())) {
            return Optional.empty();
        }
        return Optional.of(new Nested(name, shape, type));
    }

    /** Whether objects of the class hold personal data, themselves or in what they contain. */
    private static boolean reaches(Class<?> type, Set<Class<?>> seen) {
        if (opaque(type) || !seen.add(type)) {
            return false;
        }
        for (Field field : fields(type)) {
            if (field.isAnnotationPresent(Personal.class)) {
                return true;
            }
            Class<?> raw = field.getType();
            if (raw.isArray() ? reaches(raw.getComponentType(), seen) : reaches(raw, seen)) {
                return true;
            }
            if (field.getGenericType() instanceof ParameterizedType p) {
                for (Type argument : p.getActualTypeArguments()) {
                    if (argument instanceof Class<?> c && reaches(c, seen)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Classes whose fields are not the application's: the JDK's, the platform's, enums, primitives. */
    private static boolean opaque(Class<?> type) {
        String name = type.getName();
        return type.isPrimitive() || type.isEnum() || type.isInterface() || type.isArray()
                || name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jakarta.");
    }

    private static List<Field> fields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class && c != Record.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()
                        && !field.isAnnotationPresent(JsonbTransient.class)) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static String name(Field field) {
        JsonbProperty property = field.getAnnotation(JsonbProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : field.getName();
    }

    private static IllegalArgumentException rule(Class<?> type, Field field, String problem) {
        return new IllegalArgumentException(type.getName() + "." + field.getName() + " " + problem);
    }
}
