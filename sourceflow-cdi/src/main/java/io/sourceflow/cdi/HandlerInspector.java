package io.sourceflow.cdi;

import io.sourceflow.Message;
import io.sourceflow.Metadata;
import io.sourceflow.Projects;
import io.sourceflow.spi.TypeArguments;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds the handler methods of one bean class and checks their signatures, reporting every problem.
 * The bean types are the container's (a CDI bean's), or just the class for a handler object made
 * without a container; the state types are resolved from the class hierarchy either way.
 */
final class HandlerInspector {

    private final Class<?> beanClass;
    private final Set<Type> beanTypes;
    private final Consumer<String> problems;

    HandlerInspector(Class<?> beanClass, Set<Type> beanTypes, Consumer<String> problems) {
        this.beanClass = beanClass;
        this.beanTypes = beanTypes;
        this.problems = problems;
    }

    /**
     * The handler methods of the bean class and its superclasses. A handler overridden lower in the
     * hierarchy by a method that is itself annotated as a handler (and the bridge methods the
     * compiler adds) is not a second handler: the most specific annotated declaration counts. An
     * override without the annotation keeps the inherited handler (called virtually, so it runs).
     */
    List<HandlerMethod> inspect() {
        List<HandlerMethod> found = new ArrayList<>();
        List<Method> handlersBelow = new ArrayList<>();
        for (Class<?> c = beanClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.isBridge() || method.isSynthetic() || overridden(method, handlersBelow)) {
                    continue;
                }
                HandlerKind kind = kindOf(method);
                if (kind != null) {
                    handlersBelow.add(method);
                    HandlerMethod handler = inspect(kind, method);
                    if (handler != null) {
                        found.add(handler);
                    }
                }
            }
        }
        return found;
    }

    /** Whether a method declared lower in the hierarchy overrides this one. */
    private static boolean overridden(Method method, List<Method> lower) {
        if (Modifier.isPrivate(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
            return false;
        }
        boolean packagePrivate = !Modifier.isPublic(method.getModifiers()) && !Modifier.isProtected(method.getModifiers());
        for (Method other : lower) {
            if (other.getName().equals(method.getName())
                    && Arrays.equals(other.getParameterTypes(), method.getParameterTypes())
                    && !Modifier.isPrivate(other.getModifiers()) && !Modifier.isStatic(other.getModifiers())
                    && (!packagePrivate || other.getDeclaringClass().getPackage() == method.getDeclaringClass().getPackage())) {
                return true;
            }
        }
        return false;
    }

    private HandlerKind kindOf(Method method) {
        HandlerKind found = null;
        for (HandlerKind kind : HandlerKind.values()) {
            if (method.isAnnotationPresent(kind.annotation)) {
                if (found != null) {
                    fail(method, "carries both " + found.annotationName() + " and " + kind.annotationName());
                    return null;
                }
                found = kind;
            }
        }
        return found;
    }

    private HandlerMethod inspect(HandlerKind kind, Method method) {
        if (!kind.base.isAssignableFrom(beanClass)) {
            return fail(method, kind.annotationName() + " methods belong to subclasses of " + kind.base.getName());
        }
        if (Modifier.isStatic(method.getModifiers()) || Modifier.isPrivate(method.getModifiers())) {
            return fail(method, "must be neither static nor private");
        }
        Type beanType = beanTypeOf(kind.base);
        Class<?> stateType = kind == HandlerKind.SUBSCRIBER ? null : TypeArguments.find(beanClass, kind.base).orElse(null);
        if (kind != HandlerKind.SUBSCRIBER && stateType == null) {
            return fail(method, "cannot tell the state type: " + beanClass.getName() + " must extend "
                    + kind.base.getSimpleName() + " with a concrete class as type argument");
        }
        int messageIndex = -1;
        int stateIndex = -1;
        int metadataIndex = -1;
        Class<?>[] parameters = method.getParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            Class<?> p = parameters[i];
            if (p == Metadata.class && metadataIndex < 0) {
                metadataIndex = i;
            } else if (kind.messageKind.isAssignableFrom(p) && messageIndex < 0) {
                messageIndex = i;
            } else if (stateType != null && p == stateType && stateIndex < 0) {
                stateIndex = i;
            } else {
                return fail(method, "parameter " + (i + 1) + " (" + p.getSimpleName() + ") is none of: one "
                        + kind.messageKind.getSimpleName() + (stateType == null ? "" : ", one " + stateType.getSimpleName())
                        + ", one Metadata");
            }
        }
        if (messageIndex < 0) {
            return fail(method, "needs a parameter whose type implements " + kind.messageKind.getName());
        }
        Class<?> messageType = parameters[messageIndex];
        if (kind == HandlerKind.SAGA && (messageType.isInterface() || Modifier.isAbstract(messageType.getModifiers()))) {
            return fail(method, "handles " + messageType.getSimpleName() + ", which is not a concrete command class");
        }
        Class<?> returned = method.getReturnType();
        boolean validReturn = returned == void.class || kind.returnsState() && returned == stateType;
        if (!validReturn) {
            return fail(method, "must return void" + (kind.returnsState() ? " or " + stateType.getSimpleName() : "")
                    + ", not " + returned.getSimpleName());
        }
        String keyName = kind == HandlerKind.PROJECTION ? method.getAnnotation(Projects.class).key() : "";
        Method key = keyName.isEmpty() ? null : accessor(messageType, keyName);
        if (!keyName.isEmpty() && key == null) {
            return fail(method, "keys its view model by '" + keyName + "', but " + messageType.getName()
                    + " has no public method " + keyName + "() returning a value");
        }
        return new HandlerMethod(kind, beanClass, beanType, method, messageType.asSubclass(Message.class), stateType,
                messageIndex, stateIndex, metadataIndex, key);
    }

    /** The type's public instance method of that name without parameters that returns a value, or null. */
    private static Method accessor(Class<?> type, String name) {
        try {
            Method accessor = type.getMethod(name);
            return accessor.getReturnType() == void.class || Modifier.isStatic(accessor.getModifiers()) ? null : accessor;
        } catch (NoSuchMethodException e) {
            return null; // the caller reports the missing property with the handler's name
        }
    }

    /** The bean type to ask the container for: the parameterized base type when the bean has it. */
    private Type beanTypeOf(Class<?> base) {
        for (Type type : beanTypes) {
            if (type instanceof ParameterizedType p && p.getRawType() == base) {
                return type;
            }
        }
        for (Type type : beanTypes) {
            if (type == beanClass) {
                return type;
            }
        }
        return beanTypes.iterator().next();
    }

    private HandlerMethod fail(Method method, String problem) {
        problems.accept(method.getDeclaringClass().getName() + "." + method.getName() + ": " + problem);
        return null;
    }
}
