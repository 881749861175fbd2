package io.sourceflow.cdi;

import io.sourceflow.Message;
import io.sourceflow.MessageType;
import io.sourceflow.UnknownMessageTypeException;
import io.sourceflow.spi.MessageTypes;
import io.sourceflow.spi.StoredForm;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The alias registry: the message classes known at boot, by alias. Those are the message types of
 * the handler methods and, for a handler of a sealed supertype, every permitted subtype (so that a
 * transport can decode a subtype it receives); a non-sealed supertype's subtypes stay unknown. Older
 * revisions are brought to the current one by the application's upcasters.
 */
final class MessageAliases implements MessageTypes {

    private final Map<String, Class<? extends Message>> types;
    private final Upcasters upcasters;
    private final Map<String, String> entityTypes;
    private final ClassValue<String> aliases = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return aliasFor(type);
        }
    };
    private final ClassValue<Integer> revisions = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            return revisionFor(type);
        }
    };

    /**
     * @param handled the message types of the handler methods
     * @param links the upcasters, by the step they read (checked by {@link UpcasterRules})
     * @param entityTypes the entity type name of each command class a saga handles here
     * @param documents the classes kept as documents (saga entities, view models), whose upcasters are run too
     */
    MessageAliases(Collection<Class<? extends Message>> handled, Map<UpcasterRules.Step, Upcasters.Link> links,
            Map<Class<?>, String> entityTypes, Collection<Class<?>> documents) {
        this.types = withPermittedSubclasses(handled).stream()
                .collect(Collectors.toUnmodifiableMap(MessageAliases::aliasFor, Function.identity()));
        this.upcasters = new Upcasters(UpcasterRules.revisions(types.values(), documents), links);
        this.entityTypes = entityTypes.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(e -> aliasFor(e.getKey()), Map.Entry::getValue));
    }

    /**
     * The handled message types plus, recursively, the permitted subclasses of the sealed ones.
     *
     * @param handled the message types of the handler methods
     * @return the types to register, without repetition
     */
    @SuppressWarnings("unchecked")
    static Set<Class<? extends Message>> withPermittedSubclasses(Collection<Class<? extends Message>> handled) {
        Set<Class<? extends Message>> known = new LinkedHashSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>(handled);
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (known.add((Class<? extends Message>) type) && type.isSealed()) {
                pending.addAll(Arrays.asList(type.getPermittedSubclasses()));
            }
        }
        return known;
    }

    static String aliasFor(Class<?> type) {
        MessageType annotation = type.getAnnotation(MessageType.class);
        if (annotation == null) {
            return type.getSimpleName();
        }
        if (annotation.value().isBlank()) {
            throw new IllegalArgumentException("@MessageType on " + type.getName() + " must not be blank");
        }
        return annotation.value();
    }

    static int revisionFor(Class<?> type) {
        MessageType annotation = type.getAnnotation(MessageType.class);
        return annotation == null ? 1 : annotation.revision();
    }

    @Override
    public String aliasOf(Class<? extends Message> type) {
        return aliases.get(type);
    }

    @Override
    public Class<? extends Message> typeOf(String alias) {
        Class<? extends Message> type = types.get(alias);
        if (type == null) {
            throw new UnknownMessageTypeException("No message type is registered under the alias '" + alias
                    + "'; known aliases: " + types.keySet());
        }
        return type;
    }

    @Override
    public boolean isKnown(String alias) {
        return types.containsKey(alias);
    }

    @Override
    public boolean reads(String alias) {
        return types.containsKey(alias) || upcasters.reads(alias);
    }

    @Override
    public int revisionOf(Class<? extends Message> type) {
        return revisions.get(type);
    }

    @Override
    public Optional<String> entityTypeOf(String alias, int revision) {
        return upcasters.currentAlias(alias, revision).map(entityTypes::get);
    }

    @Override
    public StoredForm current(StoredForm stored) {
        return upcasters.current(stored);
    }
}
