package io.sourceflow.cdi;

import io.sourceflow.EntityRef;
import io.sourceflow.HandlerFailedException;
import io.sourceflow.Saga;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;

/** A saga's command handler together with the way to make a new entity for it. */
final class SagaHandler {

    private final Handler handler;
    private final MethodHandle create;
    private final MethodHandle construct;

    SagaHandler(Handler handler, Object saga) {
        this.handler = handler;
        try {
            Method factory = Saga.class.getDeclaredMethod("create", EntityRef.class);
            factory.setAccessible(true);
            this.create = MethodHandles.lookup().unreflect(factory).bindTo(saga)
                    .asType(MethodType.methodType(Object.class, EntityRef.class));
            this.construct = noArgConstructor(handler.stateType());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot prepare " + handler.method().describe(), e);
        }
    }

    Handler handler() {
        return handler;
    }

    Class<?> entityType() {
        return handler.stateType();
    }

    Object newEntity(EntityRef ref) {
        try {
            Object entity = (Object) create.invokeExact(ref);
            if (entity == null && construct != null) {
                entity = (Object) construct.invokeExact();
            }
            if (entity == null) {
                throw new IllegalStateException(handler.method().beanClass().getName()
                        + ".create(EntityRef) returned null for entity '" + ref.id() + "'");
            }
            return entity;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            throw new HandlerFailedException("Cannot create " + entityType().getName() + " '" + ref.id() + "'", checked);
        }
    }

    private static MethodHandle noArgConstructor(Class<?> type) throws IllegalAccessException {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return MethodHandles.lookup().unreflectConstructor(constructor).asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException overriddenCreateInstead) {
            return null;
        }
    }
}
