package io.sourceflow.cdi;

import io.sourceflow.Aggregate;
import io.sourceflow.CommandBus;
import io.sourceflow.EventQueue;
import io.sourceflow.Saga;
import io.sourceflow.View;
import io.sourceflow.ViewModels;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Connects a saga, aggregate or view made without a container to a runtime, through the base class's
 * package-private {@code connect} (the method the container's injection calls), so that the base
 * classes carry no public wiring method.
 */
final class HandlerConnections {

    private HandlerConnections() {
    }

    static void connect(Object handler, CommandBus bus, EventQueue queue, ViewModels views) {
        if (handler instanceof Saga<?>) {
            call(Saga.class, handler, new Class<?>[] {CommandBus.class, EventQueue.class}, bus, queue);
        } else if (handler instanceof Aggregate<?>) {
            call(Aggregate.class, handler, new Class<?>[] {CommandBus.class}, bus);
        } else if (handler instanceof View<?>) {
            call(View.class, handler, new Class<?>[] {ViewModels.class}, views);
        } else {
            throw new IllegalArgumentException(handler.getClass().getName() + " is not a Saga, an Aggregate or a View");
        }
    }

    private static void call(Class<?> base, Object handler, Class<?>[] parameters, Object... arguments) {
        try {
            Method connect = base.getDeclaredMethod("connect", parameters);
            connect.setAccessible(true);
            connect.invoke(handler, arguments);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Cannot connect " + handler.getClass().getName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot connect " + handler.getClass().getName(), e);
        }
    }
}
