package io.sourceflow.cdi;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Copies mutable objects field by field, so that the in-memory stores never hand out the instance
 * they keep: a handler that changes what it loaded and then fails leaves the stored state intact.
 * Records, enums and classes without a no-argument constructor are returned as they are. The copy
 * is shallow: fields that hold mutable collections are shared. The copier of each class is built
 * once, from method handles.
 */
final class ShallowCopy {

    private static final Logger LOG = Logger.getLogger(ShallowCopy.class.getName());
    private static final UnaryOperator<Object> SAME = UnaryOperator.identity();

    private final ClassValue<UnaryOperator<Object>> copiers = new ClassValue<>() {
        @Override
        protected UnaryOperator<Object> computeValue(Class<?> type) {
            return copierOf(type);
        }
    };

    @SuppressWarnings("unchecked")
    <T> T of(T value) {
        return value == null ? null : (T) copiers.get(value.getClass()).apply(value);
    }

    private static UnaryOperator<Object> copierOf(Class<?> type) {
        if (type.isRecord() || type.isEnum() || type.isArray() || type.getName().startsWith("java.")) {
            return SAME;
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            MethodHandle create = MethodHandles.lookup().unreflectConstructor(constructor)
                    .asType(MethodType.methodType(Object.class));
            List<MethodHandle[]> fields = new ArrayList<>();
            for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        field.setAccessible(true);
                        fields.add(new MethodHandle[] {
                            MethodHandles.lookup().unreflectGetter(field).asType(MethodType.methodType(Object.class, Object.class)),
                            MethodHandles.lookup().unreflectSetter(field)
                                    .asType(MethodType.methodType(void.class, Object.class, Object.class))
                        });
                    }
                }
            }
            MethodHandle[][] accessors = fields.toArray(MethodHandle[][]::new);
            return original -> copy(create, accessors, original);
        } catch (NoSuchMethodException | IllegalAccessException | RuntimeException e) {
            LOG.log(Level.FINE, e, () -> type.getName() + " is kept by reference in the in-memory stores");
            return SAME;
        }
    }

    private static Object copy(MethodHandle create, MethodHandle[][] accessors, Object original) {
        try {
            Object copy = (Object) create.invokeExact();
            for (MethodHandle[] accessor : accessors) {
                accessor[1].invokeExact(copy, (Object) accessor[0].invokeExact(original));
            }
            return copy;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot copy " + original.getClass().getName(), e);
        }
    }
}
