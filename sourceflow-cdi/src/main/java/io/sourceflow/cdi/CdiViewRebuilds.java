package io.sourceflow.cdi;

import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.ViewRebuilds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;

/**
 * The {@link ViewRebuilds} bean: {@link #start}'s steps and {@link #finish} each in a transaction of its
 * own ({@link NewTransaction}); {@link #replay} through the application's {@link CommandBus}, which
 * begins its own and retries it when the caller has none.
 */
@ApplicationScoped
public class CdiViewRebuilds implements ViewRebuilds {

    @Inject
    SourceFlowRuntime runtime;
    @Inject
    CommandBus bus;

    private volatile ViewRebuilds rebuilds;

    @Override
    public Instant start(String owner, Set<Class<?>> views, Set<Class<?>> entityTypes) {
        return rebuilds().start(owner, views, entityTypes);
    }

    @Override
    public long replay(Class<?> entityType, EntityRef entity, Set<Class<?>> views) {
        return rebuilds().replay(entityType, entity, views);
    }

    @Override
    public void finish(String owner, Set<Class<?>> views) {
        rebuilds().finish(owner, views);
    }

    @Override
    public Set<Class<?>> views() {
        return rebuilds().views();
    }

    private ViewRebuilds rebuilds() {
        ViewRebuilds resolved = rebuilds;
        if (resolved == null) {
            resolved = runtime.rebuilds(bus);
            rebuilds = resolved;
        }
        return resolved;
    }
}
