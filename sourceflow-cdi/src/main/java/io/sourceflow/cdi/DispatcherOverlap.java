package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.spi.CommandDispatcher;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds dispatcher beans that say they {@linkplain CommandDispatcher#forwards forward} a command
 * type a local saga handles: the command would be taken twice. A dispatcher that forwards to a
 * queue this application consumes itself ({@link CommandDispatcher#forwardsToOwnQueue()}) hands the
 * command to the local saga later, when it comes back, so it is no overlap. A dispatcher that takes such a
 * command without saying so is caught when it does (the publish fails).
 */
final class DispatcherOverlap {

    private DispatcherOverlap() {
    }

    /** One problem for each overlap, naming the command type, its saga handler and the dispatcher. */
    static List<String> find(Map<Class<? extends Command>, String> sagaCommands, BeanManager beanManager) {
        List<String> problems = new ArrayList<>();
        if (sagaCommands.isEmpty()) {
            return problems;
        }
        Instance<CommandDispatcher> dispatchers = beanManager.createInstance().select(CommandDispatcher.class, Any.Literal.INSTANCE);
        for (Instance.Handle<CommandDispatcher> handle : dispatchers.handles()) {
            check(handle.get(), handle.getBean().getBeanClass(), sagaCommands, problems);
            if (handle.getBean().getScope() == Dependent.class) {
                handle.destroy();
            }
        }
        return problems;
    }

    /** Adds a problem for each command type a local saga handles that the dispatcher forwards. */
    static void check(CommandDispatcher dispatcher, Class<?> dispatcherClass, Map<Class<? extends Command>, String> sagaCommands,
            List<String> problems) {
        sagaCommands.forEach((type, saga) -> {
            if (dispatcher.forwards(type) && !dispatcher.forwardsToOwnQueue()) {
                problems.add("command " + type.getName() + " (alias '" + MessageAliases.aliasFor(type)
                        + "') is handled by the local saga " + saga + " and forwarded by "
                        + dispatcherClass.getName() + "; a command goes to exactly one dispatcher:"
                        + " remove the saga handler or stop forwarding the type");
            }
        });
    }
}
