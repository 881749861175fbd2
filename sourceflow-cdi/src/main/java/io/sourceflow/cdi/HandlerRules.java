package io.sourceflow.cdi;

import io.sourceflow.EntityRef;
import io.sourceflow.Message;
import io.sourceflow.Saga;
import io.sourceflow.spi.DocumentTypes;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The rules the handlers of one application must keep together, checked at boot by the extension
 * and by the standalone runtime: one saga per command type, distinct message aliases and entity type
 * names, and a way to make each saga's new entities.
 */
final class HandlerRules {

    private HandlerRules() {
    }

    /** Every broken rule, as a message naming the classes and methods involved; empty when none. */
    static List<String> check(List<HandlerMethod> handlers) {
        List<String> problems = new ArrayList<>();
        Set<Class<?>> sagas = new LinkedHashSet<>();
        handlers.stream().filter(h -> h.kind() == HandlerKind.SAGA && sagas.add(h.beanClass()))
                .forEach(saga -> checkEntityFactory(saga, problems));
        checkOneSagaPerCommand(handlers, problems);
        checkAliases(handlers, problems);
        problems.addAll(EntityNames.check(handlers.stream().filter(h -> h.kind() == HandlerKind.SAGA)
                .<Class<?>>map(HandlerMethod::stateType).distinct().toList()));
        return problems;
    }

    /** The problem of a saga, aggregate or view class that a container would not take for a bean. */
    static String withoutBeanDefiningAnnotation(Class<?> type) {
        return type.getName() + ": a saga, aggregate or view needs a bean-defining annotation such as"
                + " @ApplicationScoped, or the container ignores it in an annotated bean archive";
    }

    private static void checkEntityFactory(HandlerMethod saga, List<String> problems) {
        Class<?> entity = saga.stateType();
        boolean overridden = false;
        for (Class<?> c = saga.beanClass(); c != Saga.class && !overridden; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod("create", EntityRef.class);
                overridden = true;
            } catch (NoSuchMethodException notHere) {
                overridden = false;
            }
        }
        if (!overridden && !hasNoArgConstructor(entity)) {
            problems.add(saga.beanClass().getName() + ": entity type " + entity.getName()
                    + " has no no-argument constructor; override Saga.create(EntityRef) to make new entities");
        }
    }

    private static void checkOneSagaPerCommand(List<HandlerMethod> handlers, List<String> problems) {
        Map<String, List<String>> byCommand = handlers.stream()
                .filter(h -> h.kind() == HandlerKind.SAGA)
                .collect(Collectors.groupingBy(h -> h.messageType().getName(), TreeMap::new,
                        Collectors.mapping(HandlerMethod::describe, Collectors.toList())));
        byCommand.forEach((command, methods) -> {
            if (methods.size() > 1) {
                problems.add("command " + command + " has " + methods.size() + " handlers, it must have one: " + methods);
            }
        });
    }

    /** Message aliases and document type names: upcasters read both, so one name is one class. */
    private static void checkAliases(List<HandlerMethod> handlers, List<String> problems) {
        Map<String, List<String>> byAlias = new TreeMap<>();
        MessageAliases.withPermittedSubclasses(handlers.stream().<Class<? extends Message>>map(HandlerMethod::messageType).toList())
                .forEach(type -> byAlias.computeIfAbsent(MessageAliases.aliasFor(type), a -> new ArrayList<>()).add(type.getName()));
        List<Class<?>> documentClasses = UpcasterRules.documents(handlers);
        for (Class<?> document : documentClasses) {
            try {
                byAlias.computeIfAbsent(DocumentTypes.name(document), a -> new ArrayList<>()).add(document.getName());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        Set<String> documents = documentClasses.stream().map(Class::getName).collect(Collectors.toSet());
        byAlias.forEach((alias, types) -> {
            if (types.size() > 1 && types.stream().noneMatch(documents::contains)) {
                problems.add("message type alias '" + alias + "' is used by " + types + "; give each a distinct @MessageType");
            } else if (types.size() > 1) {
                problems.add("type alias '" + alias + "' is used by " + types
                        + "; give each a distinct @MessageType (or @DocumentType, for an entity or view model)");
            }
        });
    }

    private static boolean hasNoArgConstructor(Class<?> type) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return false;
        }
        try {
            type.getDeclaredConstructor();
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
