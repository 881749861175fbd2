package io.sourceflow.jms;

import io.sourceflow.Command;
import io.sourceflow.Message;
import io.sourceflow.UnknownMessageTypeException;
import io.sourceflow.spi.MessageTypes;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessSyntheticAnnotatedType;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;

/**
 * Adds the transport's beans (so the jar needs no {@code beans.xml}) and checks the routing when
 * the application starts: the configuration must be valid, and a command type named in
 * {@code sourceflow.jms.routed-commands} must not also be handled by a local saga, since a command
 * type goes either to the local sagas or to the queue, never both. Violations fail the deployment.
 */
public class JmsExtension implements Extension {

    private static final List<Class<?>> BEANS = List.of(JmsResources.class, JmsSender.class, JmsCommandDispatcher.class,
            JmsEventDispatcher.class, JmsInbound.class, IsolatedAttempt.class, IsolatedTransaction.class, OutboxKeeper.class,
            OutboxRelay.class, KeptMessages.class, DeadLetters.class, Retention.class, Statuses.class);

    void addBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        for (Class<?> type : BEANS) {
            event.addAnnotatedType(beanManager.createAnnotatedType(type), JmsExtension.class.getName() + "." + type.getSimpleName());
        }
    }

    /** Keeps the beans to the copies added above, should a container also discover the classes. */
    <T> void skipDiscovered(@Observes ProcessAnnotatedType<T> event) {
        if (!(event instanceof ProcessSyntheticAnnotatedType) && BEANS.contains(event.getAnnotatedType().getJavaClass())) {
            event.veto();
        }
    }

    void validate(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        Instance<Object> beans = beanManager.createInstance();
        Instance<Config> config = beans.select(Config.class, Any.Literal.INSTANCE);
        JmsSettings settings;
        try {
            settings = config.isResolvable() ? JmsSettings.from(config.get()) : JmsSettings.defaults();
        } catch (IllegalArgumentException invalid) {
            event.addDeploymentProblem(new DeploymentException("SourceFlow JMS: " + invalid.getMessage(), invalid));
            return;
        }
        MessageTypes types = beans.select(MessageTypes.class).get();
        TreeSet<String> conflicts = new TreeSet<>();
        for (String alias : settings.routedCommands()) {
            if (!settings.competingConsumers() && !alias.equals(JmsSettings.ALL) && isLocalCommand(types, alias)) {
                conflicts.add(alias);
            }
        }
        if (!conflicts.isEmpty()) {
            event.addDeploymentProblem(new DeploymentException("SourceFlow JMS: the command types " + conflicts
                    + " are routed to '" + settings.commandQueue() + "' by " + JmsSettings.PREFIX
                    + "routed-commands and also handled by a local saga; a command type goes to one place only:"
                    + " remove them from the routing or remove their saga handlers (or, when every server of the application"
                    + " consumes the queue, set " + JmsSettings.PREFIX + "competing-consumers=true)"));
        }
    }

    private static boolean isLocalCommand(MessageTypes types, String alias) {
        try {
            Class<? extends Message> type = types.typeOf(alias);
            return Command.class.isAssignableFrom(type);
        } catch (UnknownMessageTypeException notLocal) {
            return false;
        }
    }
}
