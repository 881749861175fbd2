package io.sourceflow.jms.support;

import io.sourceflow.Message;
import io.sourceflow.MessageType;
import io.sourceflow.UnknownMessageTypeException;
import io.sourceflow.spi.MessageTypes;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An alias registry of the given classes, for plain tests. */
public final class TestMessageTypes implements MessageTypes {

    private final Map<String, Class<? extends Message>> types;

    /** @param known the registered classes */
    public TestMessageTypes(List<Class<? extends Message>> known) {
        this.types = known.stream().collect(Collectors.toMap(TestMessageTypes::alias, Function.identity()));
    }

    @Override
    public String aliasOf(Class<? extends Message> type) {
        return alias(type);
    }

    @Override
    public Class<? extends Message> typeOf(String alias) {
        Class<? extends Message> type = types.get(alias);
        if (type == null) {
            throw new UnknownMessageTypeException("No message type is registered under the alias '" + alias + "'");
        }
        return type;
    }

    private static String alias(Class<?> type) {
        MessageType annotation = type.getAnnotation(MessageType.class);
        return annotation == null ? type.getSimpleName() : annotation.value();
    }
}
