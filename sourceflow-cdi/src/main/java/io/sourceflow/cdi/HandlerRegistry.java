package io.sourceflow.cdi;

import io.sourceflow.Message;
import io.sourceflow.spi.MessageTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The handlers found at boot, ready to invoke, and the message aliases. Immutable once built; event
 * handlers for a concrete event class are worked out on first use and cached.
 */
final class HandlerRegistry {

    private static final Handler[] NONE = new Handler[0];

    private final Map<Class<?>, SagaHandler> sagas = new HashMap<>();
    private final List<Handler> subscribers = new ArrayList<>();
    private final List<Handler> projections = new ArrayList<>();
    private final Set<Class<?>> entityTypes = new LinkedHashSet<>();
    private final Set<Class<?>> viewModelTypes = new LinkedHashSet<>();
    private final List<CreationalContext<?>> contexts = new ArrayList<>();
    private final MessageAliases aliases;
    private final ClassValue<Handler[]> subscribersByEvent = byEvent(subscribers);
    private final ClassValue<Handler[]> projectionsByEvent = byEvent(projections);

    HandlerRegistry(List<HandlerMethod> methods, BeanManager beanManager) {
        Map<Bean<?>, Object> targets = new HashMap<>();
        List<Class<? extends Message>> messageTypes = new ArrayList<>();
        for (HandlerMethod method : methods) {
            Object target = targets.computeIfAbsent(method.bean(), bean -> reference(method, beanManager));
            Handler handler = new Handler(method, target);
            messageTypes.add(method.messageType());
            switch (method.kind()) {
                case SAGA -> {
                    sagas.put(method.messageType(), new SagaHandler(handler, target));
                    entityTypes.add(method.stateType());
                }
                case SUBSCRIBER -> subscribers.add(handler);
                case PROJECTION -> {
                    projections.add(handler);
                    viewModelTypes.add(method.stateType());
                }
            }
        }
        this.aliases = new MessageAliases(messageTypes);
    }

    /** The saga handler of a command class, or null when no local saga handles it. */
    SagaHandler sagaFor(Class<?> commandType) {
        return sagas.get(commandType);
    }

    /** The aggregate handlers of an event class and its supertypes. */
    Handler[] subscribersOf(Class<?> eventType) {
        return subscribersByEvent.get(eventType);
    }

    /** The view handlers of an event class and its supertypes. */
    Handler[] projectionsOf(Class<?> eventType) {
        return projectionsByEvent.get(eventType);
    }

    Set<Class<?>> entityTypes() {
        return Set.copyOf(entityTypes);
    }

    Set<Class<?>> viewModelTypes() {
        return Set.copyOf(viewModelTypes);
    }

    MessageTypes messageTypes() {
        return aliases;
    }

    void release() {
        contexts.forEach(CreationalContext::release);
    }

    /**
     * The object to invoke handlers on. For application-scoped and singleton beans it is the
     * contextual instance itself: a client proxy would reach package-private handler methods only
     * through reflection. Beans of other normal scopes are called through their proxy.
     */
    @SuppressWarnings("unchecked")
    private Object reference(HandlerMethod method, BeanManager beanManager) {
        Bean<Object> bean = (Bean<Object>) method.bean();
        CreationalContext<Object> context = beanManager.createCreationalContext(bean);
        contexts.add(context);
        Class<? extends Annotation> scope = bean.getScope();
        if (scope == ApplicationScoped.class || scope == Singleton.class) {
            return beanManager.getContext(scope).get(bean, context);
        }
        return beanManager.getReference(bean, method.beanType(), context);
    }

    private static ClassValue<Handler[]> byEvent(List<Handler> handlers) {
        return new ClassValue<>() {
            @Override
            protected Handler[] computeValue(Class<?> eventType) {
                Handler[] matching = handlers.stream()
                        .filter(h -> h.method().messageType().isAssignableFrom(eventType))
                        .toArray(Handler[]::new);
                return matching.length == 0 ? NONE : matching;
            }
        };
    }
}
