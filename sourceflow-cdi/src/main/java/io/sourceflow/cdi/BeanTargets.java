package io.sourceflow.cdi;

import io.sourceflow.Upcaster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects the container's handler beans are invoked on. For application-scoped and singleton
 * beans it is the contextual instance itself: a client proxy would reach package-private handler
 * methods only through reflection. Beans of other normal scopes are called through their proxy.
 * The creational contexts are released when the registry is disposed.
 */
final class BeanTargets implements HandlerRegistry.Targets {

    private final Map<Class<?>, Bean<?>> beans;
    private final BeanManager beanManager;
    private final List<CreationalContext<?>> contexts = new ArrayList<>();

    BeanTargets(Map<Class<?>, Bean<?>> beans, BeanManager beanManager) {
        this.beans = beans;
        this.beanManager = beanManager;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object of(HandlerMethod method) {
        Bean<Object> bean = (Bean<Object>) beans.get(method.beanClass());
        CreationalContext<Object> context = beanManager.createCreationalContext(bean);
        contexts.add(context);
        Class<? extends Annotation> scope = bean.getScope();
        if (scope == ApplicationScoped.class || scope == Singleton.class) {
            return beanManager.getContext(scope).get(bean, context);
        }
        return beanManager.getReference(bean, method.beanType(), context);
    }

    /**
     * The upcasters, as references to their beans.
     *
     * @param beans the checked declarations and their beans
     * @return the upcasters by the step they read
     */
    Map<UpcasterRules.Step, Upcasters.Link> upcasters(Map<UpcasterRules.Declared, Bean<?>> beans) {
        Map<UpcasterRules.Step, Upcasters.Link> links = new HashMap<>();
        beans.forEach((declared, bean) -> {
            CreationalContext<?> context = beanManager.createCreationalContext(bean);
            contexts.add(context);
            Upcaster upcaster = (Upcaster) beanManager.getReference(bean, Upcaster.class, context);
            links.put(declared.from(), new Upcasters.Link(declared.from(), declared.to(), declared.name(), upcaster));
        });
        return links;
    }

    @Override
    public void release() {
        contexts.forEach(CreationalContext::release);
    }
}
