package io.sourceflow.cdi;

import io.sourceflow.Message;
import io.sourceflow.spi.MessageTypes;
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
    private final Map<String, Class<?>> entitiesByName = new HashMap<>();
    private final Map<Class<?>, String> entityTypeByCommand = new HashMap<>();
    private final Set<Class<?>> viewModelTypes = new LinkedHashSet<>();
    private final Map<Class<?>, Class<?>> modelByView = new HashMap<>();
    private final Set<Class<?>> keyedViews = new LinkedHashSet<>();
    private final MessageAliases aliases;
    private final Targets targets;
    private final ClassValue<Handler[]> subscribersByEvent = byEvent(subscribers);
    private final ClassValue<Handler[]> projectionsByEvent = byEvent(projections);

    /**
     * @param methods the validated handler methods
     * @param targets the objects to invoke the handlers on, asked once per bean class
     */
    HandlerRegistry(List<HandlerMethod> methods, Targets targets) {
        this(methods, targets, Map.of());
    }

    /**
     * @param methods the validated handler methods
     * @param targets the objects to invoke the handlers on, asked once per bean class
     * @param upcasters the checked upcasters, by the step they read
     */
    HandlerRegistry(List<HandlerMethod> methods, Targets targets, Map<UpcasterRules.Step, Upcasters.Link> upcasters) {
        this.targets = targets;
        Map<Class<?>, Object> byClass = new HashMap<>();
        List<Class<? extends Message>> messageTypes = new ArrayList<>();
        for (HandlerMethod method : methods) {
            Object target = byClass.computeIfAbsent(method.beanClass(), c -> targets.of(method));
            Handler handler = new Handler(method, target);
            messageTypes.add(method.messageType());
            switch (method.kind()) {
                case SAGA -> {
                    sagas.put(method.messageType(), new SagaHandler(handler, target));
                    entityTypes.add(method.stateType());
                    entitiesByName.put(EntityNames.of(method.stateType()), method.stateType());
                    entityTypeByCommand.put(method.messageType(), EntityNames.of(method.stateType()));
                }
                case SUBSCRIBER -> subscribers.add(handler);
                case PROJECTION -> {
                    projections.add(handler);
                    viewModelTypes.add(method.stateType());
                    modelByView.put(method.beanClass(), method.stateType());
                    if (method.key() != null) {
                        keyedViews.add(method.beanClass());
                    }
                }
            }
        }
        this.aliases = new MessageAliases(messageTypes, upcasters, entityTypeByCommand, UpcasterRules.documents(methods));
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

    /**
     * The entity type name of a command class: that of the entity its saga keeps here, or the empty
     * name when no local saga handles it.
     */
    String entityTypeOf(Class<?> commandType) {
        return entityTypeByCommand.getOrDefault(commandType, "");
    }

    /** The entity class of a saga here with this entity type name, or null. */
    Class<?> entityNamed(String name) {
        return entitiesByName.get(name);
    }

    Set<Class<?>> entityTypes() {
        return Set.copyOf(entityTypes);
    }

    Set<Class<?>> viewModelTypes() {
        return Set.copyOf(viewModelTypes);
    }

    /** The model class of each view class here. */
    Map<Class<?>, Class<?>> viewModels() {
        return Map.copyOf(modelByView);
    }

    /** The view classes that keep models under a key their events carry ({@link io.sourceflow.Projects#key()}). */
    Set<Class<?>> keyedViews() {
        return Set.copyOf(keyedViews);
    }

    MessageTypes messageTypes() {
        return aliases;
    }

    /** Releases what the targets hold (the container's creational contexts). */
    void release() {
        targets.release();
    }

    /** Where the objects that handler methods are invoked on come from. */
    interface Targets {
        /** The object to invoke a method on; asked once per bean class. */
        Object of(HandlerMethod method);

        /** Releases what was made for the targets. */
        default void release() {
        }
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
