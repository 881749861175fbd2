package io.sourceflow.cdi;

import io.sourceflow.Message;
import io.sourceflow.spi.DocumentTypes;
import io.sourceflow.Upcaster;
import io.sourceflow.Upcasts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The rules the upcasters of one application must keep, checked at boot with the handler rules:
 * every older revision of a registered type is read by a chain of upcasters, one per step, that ends
 * at the type's current revision under a registered alias. A chain that touches no registered alias
 * is left alone: it is for a type this deployment only sends, or keeps on another server (one WAR
 * deployed in several roles, its sagas switched off on some).
 */
final class UpcasterRules {

    /** A revision of an alias: what an upcaster reads. */
    record Step(String alias, int revision) {
    }

    /**
     * An upcaster bean's declaration.
     *
     * @param name the bean class's name
     * @param from what it reads
     * @param to the alias of what it returns, at the next revision
     */
    record Declared(String name, Step from, String to) {

        String describe() {
            return "upcaster " + name + " (revision " + from.revision() + " of '" + from.alias() + "')";
        }
    }

    private UpcasterRules() {
    }

    /**
     * Reads a bean class's declaration, if it is an upcaster.
     *
     * @param type the bean class
     * @param problems where a broken declaration is reported
     * @return the declaration, or null when the class is no upcaster or is declared wrongly
     */
    static Declared declared(Class<?> type, Consumer<String> problems) {
        Upcasts upcasts = type.getAnnotation(Upcasts.class);
        boolean upcaster = Upcaster.class.isAssignableFrom(type);
        if (upcasts == null) {
            if (upcaster) {
                problems.accept(type.getName() + ": an Upcaster bean needs @Upcasts naming the alias and revision it reads");
            }
            return null;
        }
        List<String> found = new ArrayList<>();
        if (!upcaster) {
            found.add(type.getName() + ": @Upcasts is on a class that does not implement " + Upcaster.class.getName());
        }
        if (upcasts.alias().isBlank()) {
            found.add(type.getName() + ": @Upcasts needs the alias it reads");
        }
        if (upcasts.revision() < 1) {
            found.add(type.getName() + ": @Upcasts revision is at least 1, not " + upcasts.revision());
        }
        found.forEach(problems);
        return found.isEmpty() ? new Declared(type.getName(), new Step(upcasts.alias(), upcasts.revision()),
                upcasts.to().isBlank() ? upcasts.alias() : upcasts.to()) : null;
    }

    /**
     * The current revision of each registered alias: the message types and the classes stored as
     * documents ({@link io.sourceflow.DocumentType}: saga entities and view models), which upcasters
     * may read as well.
     */
    static Map<String, Integer> revisions(Collection<Class<? extends Message>> registered, Collection<Class<?>> documents) {
        Map<String, Integer> revisions = new HashMap<>();
        documents.forEach(type -> revisions.put(DocumentTypes.name(type), DocumentTypes.revision(type)));
        registered.forEach(type -> revisions.put(MessageAliases.aliasFor(type), MessageAliases.revisionFor(type)));
        return revisions;
    }

    /** The revisions of the handlers' message types (and permitted subtypes) and of their entities and view models. */
    static Map<String, Integer> revisions(List<HandlerMethod> handlers) {
        return revisions(MessageAliases.withPermittedSubclasses(handlers.stream()
                .<Class<? extends Message>>map(HandlerMethod::messageType).toList()), documents(handlers));
    }

    /** The classes the handlers keep as state: saga entities and view models. */
    static List<Class<?>> documents(List<HandlerMethod> handlers) {
        return handlers.stream().filter(h -> h.kind() != HandlerKind.SUBSCRIBER).<Class<?>>map(HandlerMethod::stateType)
                .distinct().toList();
    }

    /** Every broken rule, naming the upcasters, aliases and revisions involved; empty when none. */
    static List<String> check(Map<String, Integer> revisions, List<Declared> upcasters) {
        Set<String> problems = new LinkedHashSet<>(checkRevisions(revisions));
        Map<Step, List<Declared>> bySource = upcasters.stream()
                .collect(Collectors.groupingBy(Declared::from, LinkedHashMap::new, Collectors.toList()));
        bySource.forEach((step, declared) -> {
            if (declared.size() > 1) {
                problems.add("revision " + step.revision() + " of '" + step.alias() + "' has " + declared.size()
                        + " upcasters, it must have one: " + declared.stream().map(Declared::name).sorted().toList());
            }
        });
        upcasters.forEach(upcaster -> followChain(upcaster, revisions, bySource, problems));
        revisions.forEach((alias, revision) -> checkNoGap(alias, revision, upcasters, bySource, problems));
        return List.copyOf(problems);
    }

    /** The registered aliases whose revision is below 1, as problems. */
    static List<String> checkRevisions(Map<String, Integer> revisions) {
        return revisions.entrySet().stream().filter(e -> e.getValue() < 1).sorted(Map.Entry.comparingByKey())
                .map(e -> "type alias '" + e.getKey() + "' has revision " + e.getValue() + "; a revision is at least 1")
                .toList();
    }

    private static void followChain(Declared first, Map<String, Integer> revisions, Map<Step, List<Declared>> bySource,
                                    Set<String> problems) {
        Integer current = revisions.get(first.from().alias());
        if (current != null && first.from().revision() >= current) {
            problems.add(first.describe() + ": '" + first.from().alias() + "' is at revision " + current
                    + ", so there is nothing to upcast revision " + first.from().revision() + " to");
            return;
        }
        Declared step = first;
        boolean readHere = revisions.containsKey(first.from().alias());
        while (true) {
            Step next = new Step(step.to(), step.from().revision() + 1);
            Integer target = revisions.get(next.alias());
            if (target != null && next.revision() == target) {
                return;
            }
            List<Declared> after = bySource.get(next);
            if (target != null && next.revision() > target) {
                problems.add(first.describe() + ": its chain makes revision " + next.revision() + " of '" + next.alias()
                        + "', newer than the current revision " + target);
                return;
            }
            if (after == null && target == null && !readHere) {
                return; // a chain of types this deployment does not read (their handlers are on other servers)
            }
            if (after == null) {
                problems.add(first.describe() + ": its chain ends at revision " + next.revision() + " of '" + next.alias() + "', "
                        + (target == null ? "an alias no handler takes" : "with no upcaster to the current revision " + target));
                return;
            }
            step = after.get(0);
            readHere |= target != null;
        }
    }

    /** Each revision of a registered alias below the current one has an upcaster, from where the alias begins. */
    private static void checkNoGap(String alias, int revision, List<Declared> upcasters, Map<Step, List<Declared>> bySource,
                                   Set<String> problems) {
        int first = upcasters.stream()
                .filter(u -> u.to().equals(alias) && !u.from().alias().equals(alias))
                .mapToInt(u -> u.from().revision() + 1).filter(made -> made <= revision).min().orElse(1);
        for (int older = first; older < revision; older++) {
            if (!bySource.containsKey(new Step(alias, older))) {
                problems.add("type alias '" + alias + "' is at revision " + revision + ", but no upcaster reads its revision "
                        + older + " (an upcaster is a bean annotated @Upcasts, with a bean-defining annotation such as"
                        + " @ApplicationScoped)");
            }
        }
    }
}
