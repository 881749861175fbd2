package io.sourceflow.cdi;

import io.sourceflow.spi.ViewModelStore;
import jakarta.enterprise.context.ApplicationScoped;

/** The default view model store: read models in memory (see {@link InMemoryKeyedStore} for its limits). */
@ApplicationScoped
public class InMemoryViewModelStore extends InMemoryKeyedStore implements ViewModelStore {

    @Override
    public long deleteAll(Class<?> type) {
        return deleteEvery(type);
    }
}
