package io.sourceflow.cdi;

import io.sourceflow.Message;
import java.lang.reflect.Method;
import java.lang.reflect.Type;

/**
 * A validated handler method found at boot: which bean class declares it (and the bean type to
 * ask the container for), what it handles, and where its message, state and metadata parameters
 * sit (-1 when absent), and for a view that keys its models by a property of the event, that
 * property's accessor (else null: the raising entity's id).
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
        int metadataIndex,
        Method key) {

    String describe() {
        return method.getDeclaringClass().getName() + "." + method.getName();
    }
}
