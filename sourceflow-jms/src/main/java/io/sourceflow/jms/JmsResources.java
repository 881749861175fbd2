package io.sourceflow.jms;

import io.sourceflow.spi.MessageTypes;
import io.sourceflow.spi.Serializer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.Config;

/**
 * What the transport's beans share: the settings (read once), the envelope codec, telemetry, and
 * the JMS resources, found on first use: the connection factory as a CDI bean {@code @Named} with
 * the configured name or else in JNDI; destinations in JNDI or by physical name (see
 * {@link JmsSettings}). In a server the factory is the container's pooled one, so a context made
 * inside a JTA transaction is enlisted in it.
 */
@Singleton
class JmsResources {

    @Inject
    @Any
    Instance<Config> config;
    @Inject
    BeanManager beanManager;
    @Inject
    @Any
    Instance<ConnectionFactory> factories;
    @Inject
    Serializer serializer;
    @Inject
    MessageTypes types;

    private JmsSettings settings;
    private JmsTelemetry telemetry;
    private EnvelopeCodec codec;
    private volatile ConnectionFactory factory;
    private final ConcurrentMap<String, Destination> destinations = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        settings = config.isResolvable() ? JmsSettings.from(config.get()) : JmsSettings.defaults();
        telemetry = JmsTelemetry.find(beanManager);
        codec = new EnvelopeCodec(serializer, types);
    }

    Serializer serializer() {
        return serializer;
    }

    JmsSettings settings() {
        return settings;
    }

    JmsTelemetry telemetry() {
        return telemetry;
    }

    EnvelopeCodec codec() {
        return codec;
    }

    MessageTypes types() {
        return types;
    }

    ConnectionFactory connectionFactory() {
        ConnectionFactory found = factory;
        if (found == null) {
            String name = settings.connectionFactory();
            Instance<ConnectionFactory> named = factories.select(NamedLiteral.of(name));
            found = named.isResolvable() ? named.get() : lookup(name, ConnectionFactory.class, "connection factory");
            factory = found;
        }
        return found;
    }

    /** The destination with this name: a JNDI name or the broker's physical name. */
    Destination destination(JMSContext context, String name, boolean topic) {
        Destination found = destinations.get(name);
        if (found == null) {
            found = destinations.computeIfAbsent(name, n -> resolve(context, n, topic));
        }
        return found;
    }

    private static Destination resolve(JMSContext context, String name, boolean topic) {
        if (!isJndiName(name)) {
            return topic ? context.createTopic(name) : context.createQueue(name);
        }
        return topic ? lookup(name, Topic.class, "topic") : lookup(name, Queue.class, "queue");
    }

    static boolean isJndiName(String name) {
        return name.indexOf('/') >= 0 || name.indexOf(':') >= 0;
    }

    private static <T> T lookup(String name, Class<T> type, String what) {
        try {
            InitialContext naming = new InitialContext();
            try {
                Object found = naming.lookup(name);
                if (!type.isInstance(found)) {
                    throw new TransportException("The JNDI object '" + name + "' is a " + found.getClass().getName()
                            + ", not a JMS " + what, null);
                }
                return type.cast(found);
            } finally {
                naming.close();
            }
        } catch (NamingException e) {
            throw new TransportException("No JMS " + what + " is bound in JNDI as '" + name + "'"
                    + (type == ConnectionFactory.class ? " and no CDI bean is @Named so" : "")
                    + "; bind one, or configure another name under " + JmsSettings.PREFIX, e);
        }
    }
}
