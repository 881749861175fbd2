package io.sourceflow.spi;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the class a subclass gives a generic base class as its first type argument, also through
 * generic classes in between ({@code CounterSaga extends AuditedSaga<Counter>},
 * {@code AuditedSaga<E> extends Saga<E>}): the entity type of a saga, the model type of a view.
 * Used by the runtime, and by tools such as test fixtures.
 */
public final class TypeArguments {

    private TypeArguments() {
    }

    /**
     * The class of the base's first type argument.
     *
     * @param subclass a concrete subclass
     * @param base the generic base class
     * @return the argument's class (the raw class of a parameterized argument), or empty when the
     *     subclass does not give the base a class as argument
     */
    public static Optional<Class<?>> find(Class<?> subclass, Class<?> base) {
        Map<TypeVariable<?>, Type> bound = new HashMap<>();
        for (Class<?> c = subclass; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.getGenericSuperclass() instanceof ParameterizedType parent && parent.getRawType() instanceof Class<?> raw) {
                TypeVariable<?>[] variables = raw.getTypeParameters();
                Type[] arguments = parent.getActualTypeArguments();
                for (int i = 0; i < variables.length; i++) {
                    Type argument = arguments[i];
                    bound.put(variables[i], argument instanceof TypeVariable<?> v ? bound.getOrDefault(v, v) : argument);
                }
                if (raw == base) {
                    return rawClass(bound.get(variables[0]));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The class of the base's first type argument, which the subclass must give.
     *
     * @param subclass a concrete subclass
     * @param base the generic base class
     * @param <T> the argument's type
     * @return the argument's class
     * @throws IllegalStateException when the subclass gives the base no class as argument
     */
    @SuppressWarnings("unchecked")
    public static <T> Class<T> of(Class<?> subclass, Class<?> base) {
        return (Class<T>) find(subclass, base).orElseThrow(() -> new IllegalStateException(subclass.getName()
                + " must extend " + base.getSimpleName() + " with a concrete type argument"));
    }

    private static Optional<Class<?>> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return Optional.of(c);
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            return Optional.of(raw);
        }
        return Optional.empty();
    }
}
