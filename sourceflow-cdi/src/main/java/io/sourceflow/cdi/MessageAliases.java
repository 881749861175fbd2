package io.sourceflow.cdi;

import io.sourceflow.Message;
import io.sourceflow.MessageType;
import io.sourceflow.UnknownMessageTypeException;
import io.sourceflow.spi.MessageTypes;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The alias registry: the message classes known at boot, by alias. */
final class MessageAliases implements MessageTypes {

    private final Map<String, Class<? extends Message>> types;
    private final ClassValue<String> aliases = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return aliasFor(type);
        }
    };

    MessageAliases(Collection<Class<? extends Message>> known) {
        this.types = known.stream().distinct().collect(Collectors.toUnmodifiableMap(MessageAliases::aliasFor, Function.identity()));
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
}
