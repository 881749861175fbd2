package io.sourceflow.cdi;

import io.sourceflow.Message;
import jakarta.enterprise.inject.spi.Bean;
import java.lang.reflect.Method;
import java.lang.reflect.Type;

/**
 * A validated handler method found at boot: which bean declares it, what it handles, and where
 * its message, state and metadata parameters sit (-1 when absent).
 */
record HandlerMethod(
        HandlerKind kind,
        Bean<?> bean,
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
