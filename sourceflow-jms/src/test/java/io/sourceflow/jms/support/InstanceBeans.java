package io.sourceflow.jms.support;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Adds ready-made objects as singleton beans, as a server adds its resources (configuration, telemetry, JMS). */
public final class InstanceBeans implements Extension {

    private final List<Consumer<AfterBeanDiscovery>> additions = new ArrayList<>();

    /**
     * Adds a bean with the default qualifier.
     *
     * @param type its bean type
     * @param instance the object
     * @param <T> the type
     * @return this
     */
    public <T> InstanceBeans add(Class<T> type, T instance) {
        additions.add(event -> event.addBean().types(type, Object.class).scope(Singleton.class)
                .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE).createWith(context -> instance));
        return this;
    }

    /**
     * Adds a bean qualified {@code @Named(name)}.
     *
     * @param type its bean type
     * @param name its name
     * @param instance the object
     * @param <T> the type
     * @return this
     */
    public <T> InstanceBeans addNamed(Class<T> type, String name, T instance) {
        additions.add(event -> event.addBean().types(type, Object.class).scope(Singleton.class)
                .qualifiers(NamedLiteral.of(name), Any.Literal.INSTANCE).name(name).createWith(context -> instance));
        return this;
    }

    void register(@Observes AfterBeanDiscovery event) {
        additions.forEach(addition -> addition.accept(event));
    }
}
