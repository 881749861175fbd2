package io.sourceflow;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** Resolves the concrete type argument a subclass gives a generic base class. */
final class TypeArguments {

    private TypeArguments() {
    }

    @SuppressWarnings("unchecked")
    static <T> Class<T> of(Class<?> subclass, Class<?> base) {
        for (Class<?> c = subclass; c != null && c != Object.class; c = c.getSuperclass()) {
            Type parent = c.getGenericSuperclass();
            if (parent instanceof ParameterizedType p && p.getRawType() == base) {
                Type argument = p.getActualTypeArguments()[0];
                if (argument instanceof Class<?> type) {
                    return (Class<T>) type;
                }
                if (argument instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> raw) {
                    return (Class<T>) raw;
                }
                break;
            }
        }
        throw new IllegalStateException(subclass.getName() + " must extend " + base.getSimpleName()
                + " with a concrete type argument");
    }
}
