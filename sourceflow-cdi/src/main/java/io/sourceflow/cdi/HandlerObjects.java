package io.sourceflow.cdi;

import io.sourceflow.Aggregate;
import io.sourceflow.Command;
import io.sourceflow.Saga;
import io.sourceflow.View;
import io.sourceflow.spi.CommandDispatcher;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.NormalScope;
import jakarta.enterprise.inject.Stereotype;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The handler objects of a {@link StandaloneRuntime}, checked as a deployment checks its beans: each a
 * saga, aggregate or view with a bean-defining annotation, one object per class, valid handler
 * methods, the rules between handlers ({@link HandlerRules}), and no given dispatcher forwarding a
 * command type a saga here handles ({@link DispatcherOverlap}).
 *
 * @param methods the handler methods found
 * @param targets the object of each handler class
 */
record HandlerObjects(List<HandlerMethod> methods, Map<Class<?>, Object> targets) {

    /** Checks the objects; every problem is listed in one {@link IllegalArgumentException}. */
    static HandlerObjects check(List<Object> handlers, List<CommandDispatcher> dispatchers) {
        List<HandlerMethod> methods = new ArrayList<>();
        Map<Class<?>, Object> targets = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Object handler : handlers) {
            Class<?> type = handler.getClass();
            if (!(handler instanceof Saga<?> || handler instanceof Aggregate<?> || handler instanceof View<?>)) {
                problems.add(type.getName() + " is not a Saga, an Aggregate or a View");
            } else if (!beanDefining(type)) {
                problems.add(HandlerRules.withoutBeanDefiningAnnotation(type));
            }
            if (targets.put(type, handler) != null) {
                problems.add(type.getName() + " is given twice; give one object of each handler class");
            }
            methods.addAll(new HandlerInspector(type, Set.<Type>of(type), problems::add).inspect());
        }
        problems.addAll(HandlerRules.check(methods));
        problems.addAll(UpcasterRules.checkRevisions(UpcasterRules.revisions(methods)));
        Map<Class<? extends Command>, String> sagaCommands = new HashMap<>();
        methods.stream().filter(m -> m.kind() == HandlerKind.SAGA)
                .forEach(m -> sagaCommands.put(m.messageType().asSubclass(Command.class), m.describe()));
        dispatchers.forEach(d -> DispatcherOverlap.check(d, d.getClass(), sagaCommands, problems));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("SourceFlow: " + String.join("\nSourceFlow: ", problems));
        }
        return new HandlerObjects(List.copyOf(methods), Map.copyOf(targets));
    }

    /** What a container takes for a bean-defining annotation: {@code @Dependent}, a normal scope or a stereotype. */
    private static boolean beanDefining(Class<?> type) {
        for (Annotation annotation : type.getAnnotations()) {
            Class<? extends Annotation> a = annotation.annotationType();
            if (a == Dependent.class || a.isAnnotationPresent(NormalScope.class) || a.isAnnotationPresent(Stereotype.class)) {
                return true;
            }
        }
        return false;
    }
}
