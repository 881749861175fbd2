package io.sourceflow.cdi;

import io.sourceflow.Message;
import java.lang.reflect.Method;
import java.lang.reflect.Type;

/**
 * A validated handler method found at boot: which bean class declares it (and the bean type to
 * ask the container for), what it handles, and where its message, state and metadata parameters
 * sit (-1 when absent).
 */
record HandlerMethod(
        HandlerKind kind,
        Class<?> beanClass,
        Type beanType,
        Method method,
        Class<? extends Message> messageType,
        Class<?> stateType,
        int messageIndex,
        int stateIndex,
        int metadataIndex) {

    String describe() {
        return method.getDeclaringClass().getName() + "." + method.getName();
    }
}
