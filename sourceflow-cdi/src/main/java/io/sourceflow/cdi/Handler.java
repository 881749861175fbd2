package io.sourceflow.cdi;

import io.sourceflow.HandlerFailedException;
import io.sourceflow.Message;
import io.sourceflow.Metadata;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * Calls one handler method on its bean through a method handle resolved once at boot, whatever the
 * order of its parameters: {@code (state, message, metadata) -> result}.
 */
final class Handler {

    private final HandlerMethod method;
    private final MethodHandle invoker;
    private final String identity;

    Handler(HandlerMethod method, Object target) {
        this.method = method;
        this.invoker = adapt(method, target);
        this.identity = HandlerContext.identity(method);
    }

    HandlerMethod method() {
        return method;
    }

    /** What names the handler in the ids of the events it raises ({@link HandlerContext#identity}). */
    String identity() {
        return identity;
    }

    Class<?> stateType() {
        return method.stateType();
    }

    /** Invokes the handler; returns what it returned, or null for a void method. */
    Object invoke(Object state, Message message, Metadata metadata) {
        try {
            return (Object) invoker.invokeExact(state, (Object) message, (Object) metadata);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            throw new HandlerFailedException(method.describe() + " failed on " + message.getClass().getSimpleName()
                    + " for entity '" + metadata.entityId() + "' #" + metadata.sequenceNo() + ": " + checked, checked);
        }
    }

    private static MethodHandle adapt(HandlerMethod handler, Object target) {
        Method m = handler.method();
        m.setAccessible(true);
        try {
            MethodHandle direct = MethodHandles.lookup().unreflect(m);
            int count = m.getParameterCount();
            MethodHandle generic = direct.asType(MethodType.genericMethodType(count + 1));
            int[] reorder = new int[count + 1];
            reorder[0] = 0;
            set(reorder, handler.stateIndex(), 1);
            set(reorder, handler.messageIndex(), 2);
            set(reorder, handler.metadataIndex(), 3);
            MethodHandle permuted = MethodHandles.permuteArguments(generic, MethodType.genericMethodType(4), reorder);
            return permuted.bindTo(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot access " + handler.describe(), e);
        }
    }

    private static void set(int[] reorder, int parameterIndex, int argument) {
        if (parameterIndex >= 0) {
            reorder[parameterIndex + 1] = argument;
        }
    }
}
