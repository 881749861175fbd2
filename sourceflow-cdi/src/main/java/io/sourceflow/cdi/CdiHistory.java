package io.sourceflow.cdi;

import io.sourceflow.EntityRef;
import io.sourceflow.History;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.List;

/**
 * The {@link History} bean, reading the runtime's log. {@code @Dependent} and serializable, reaching
 * the runtime through {@code Instance}, like {@link CdiCommandBus}: injectable into passivating beans.
 */
@Dependent
public class CdiHistory implements History, Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<SourceFlowRuntime> runtimes;

    private transient History history;

    @Override
    public List<Entry> page(Class<?> entityType, EntityRef entity, long afterSequenceNo, int max) {
        return history().page(entityType, entity, afterSequenceNo, max);
    }

    @Override
    public List<String> entityIds(Class<?> entityType, String afterId, int max) {
        return history().entityIds(entityType, afterId, max);
    }

    private History history() {
        History resolved = history;
        if (resolved == null) {
            resolved = runtimes.get().history();
            history = resolved;
        }
        return resolved;
    }
}
