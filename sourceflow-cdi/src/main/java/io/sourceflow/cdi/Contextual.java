package io.sourceflow.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Resolves beans to the objects the per-message path calls. An application-scoped bean is called
 * on its contextual instance rather than its client proxy: the proxy costs a context look-up and,
 * in Weld, an allocation per call, and reaches non-public methods only by reflection. Interceptors
 * and decorators still apply, since they live in the contextual instance. Resolved once, at boot.
 */
final class Contextual {

    private Contextual() {
    }

    /** The beans of an {@code Instance}, each as its contextual instance where it has one. */
    static <T> List<T> instances(Instance<T> beans, BeanManager beanManager) {
        return beans.handlesStream().map(handle -> instance(handle, beanManager)).toList();
    }

    /** The single bean of a type, as its contextual instance where it has one, else as injected. */
    static <T> T instance(Instance<T> beans, BeanManager beanManager) {
        return instance(beans.getHandle(), beanManager);
    }

    @SuppressWarnings("unchecked")
    private static <T> T instance(Instance.Handle<T> handle, BeanManager beanManager) {
        Bean<T> bean = (Bean<T>) handle.getBean();
        if (bean.getScope() == ApplicationScoped.class || bean.getScope() == Singleton.class) {
            CreationalContext<T> context = beanManager.createCreationalContext(bean);
            return beanManager.getContext(bean.getScope()).get(bean, context);
        }
        return handle.get();
    }
}
