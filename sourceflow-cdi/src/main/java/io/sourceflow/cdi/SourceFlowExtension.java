package io.sourceflow.cdi;

import io.sourceflow.Aggregate;
import io.sourceflow.Command;
import io.sourceflow.Saga;
import io.sourceflow.View;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.ProcessSyntheticAnnotatedType;
import jakarta.inject.Singleton;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers the runtime's beans, finds the handler methods of sagas, aggregates and views and the
 * {@link io.sourceflow.Upcaster}s when the container boots, validates them ({@link HandlerRules},
 * {@link UpcasterRules}) and registers the immutable {@link HandlerRegistry}. Every problem found becomes a
 * definition error, so a deployment with bad handlers fails listing all of them. The extension
 * keeps nothing once the container has started.
 */
public class SourceFlowExtension implements Extension {

    /** The runtime's own beans, added by the extension so that the jar needs no beans.xml. */
    private static final List<Class<?>> RUNTIME_BEANS = List.of(SourceFlowRuntime.class, CdiCommandBus.class,
            TransactionalCommandBus.class, CdiEventQueue.class, TransactionalEventQueue.class, MessageTypesProducer.class,
            CurrentHandler.class, UnitOfWork.class, JsonBindingSerializer.class, InMemoryCommandStore.class,
            InMemoryEntityStore.class, InMemoryViewModelStore.class, InMemoryInbox.class, InMemoryDeadLetterStore.class,
            InMemoryCommandStatusStore.class, CdiHistory.class, RebuildScope.class, CdiViewRebuilds.class, NewTransaction.class,
            InMemorySubjectKeyStore.class, CdiDataSubjects.class, PersonalDataSerializer.class);

    private List<HandlerMethod> handlers = new ArrayList<>();
    private List<String> problems = new ArrayList<>();
    private Map<Class<?>, Bean<?>> beans = new HashMap<>();
    private Map<UpcasterRules.Declared, Bean<?>> upcasters = new LinkedHashMap<>();
    /** The command types local sagas handle, by handler, kept until the dispatchers can be asked. */
    private Map<Class<? extends Command>, String> sagaCommands = new LinkedHashMap<>();

    void addRuntime(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        for (Class<?> type : RUNTIME_BEANS) {
            event.addAnnotatedType(beanManager.createAnnotatedType(type), SourceFlowExtension.class.getName() + "." + type.getSimpleName());
        }
    }

    /** Keeps the runtime's beans to the copies added above, should a container also discover the classes. */
    <T> void skipDiscoveredRuntime(@Observes ProcessAnnotatedType<T> event) {
        if (!(event instanceof ProcessSyntheticAnnotatedType) && RUNTIME_BEANS.contains(event.getAnnotatedType().getJavaClass())) {
            event.veto();
        }
    }

    <T> void collect(@Observes ProcessManagedBean<T> event, BeanManager beanManager) {
        Class<?> beanClass = event.getBean().getBeanClass();
        List<HandlerMethod> found = new HandlerInspector(beanClass, event.getBean().getTypes(), problems::add).inspect();
        boolean role = Saga.class.isAssignableFrom(beanClass) || Aggregate.class.isAssignableFrom(beanClass)
                || View.class.isAssignableFrom(beanClass);
        if ((role || !found.isEmpty()) && !hasBeanDefiningAnnotation(event.getAnnotatedBeanClass(), beanManager)) {
            problems.add(HandlerRules.withoutBeanDefiningAnnotation(beanClass));
        }
        handlers.addAll(found);
        if (!found.isEmpty()) {
            beans.put(beanClass, event.getBean());
        }
        UpcasterRules.Declared upcaster = UpcasterRules.declared(beanClass, problems::add);
        if (upcaster != null) {
            upcasters.put(upcaster, event.getBean());
        }
    }

    void register(@Observes AfterBeanDiscovery event) {
        problems.addAll(HandlerRules.check(handlers));
        problems.addAll(UpcasterRules.check(UpcasterRules.revisions(handlers), List.copyOf(upcasters.keySet())));
        problems.addAll(PersonalRules.check(handlers));
        problems.forEach(p -> event.addDefinitionError(new DefinitionException("SourceFlow: " + p)));
        handlers.stream().filter(h -> h.kind() == HandlerKind.SAGA)
                .forEach(h -> sagaCommands.put(h.messageType().asSubclass(Command.class), h.describe()));
        if (problems.isEmpty()) {
            List<HandlerMethod> found = List.copyOf(handlers);
            Map<Class<?>, Bean<?>> handlerBeans = Map.copyOf(beans);
            Map<UpcasterRules.Declared, Bean<?>> upcasterBeans = Map.copyOf(upcasters);
            event.addBean()
                    .types(HandlerRegistry.class, Object.class)
                    .scope(Singleton.class)
                    .produceWith(instance -> {
                        BeanTargets targets = new BeanTargets(handlerBeans, instance.select(BeanManager.class).get());
                        return new HandlerRegistry(found, targets, targets.upcasters(upcasterBeans));
                    })
                    .disposeWith((registry, instance) -> registry.release());
        }
        handlers = null;
        problems = null;
        beans = null;
        upcasters = null;
    }

    /** Refuses a dispatcher that forwards a command type a local saga handles (see {@link DispatcherOverlap}). */
    void checkOneDispatcherPerCommand(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        Map<Class<? extends Command>, String> local = sagaCommands;
        sagaCommands = null;
        if (local != null) {
            DispatcherOverlap.find(local, beanManager)
                    .forEach(problem -> event.addDeploymentProblem(new DeploymentException("SourceFlow: " + problem)));
        }
    }

    private static boolean hasBeanDefiningAnnotation(AnnotatedType<?> type, BeanManager beanManager) {
        for (Annotation annotation : type.getAnnotations()) {
            Class<? extends Annotation> a = annotation.annotationType();
            if (a == Dependent.class || beanManager.isNormalScope(a) || beanManager.isStereotype(a)) {
                return true;
            }
        }
        return false;
    }
}
