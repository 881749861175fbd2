package io.sourceflow.cdi;

import io.sourceflow.spi.EntityStore;
import jakarta.enterprise.context.ApplicationScoped;

/** The default entity store: saga entities in memory (see {@link InMemoryKeyedStore} for its limits). */
@ApplicationScoped
public class InMemoryEntityStore extends InMemoryKeyedStore implements EntityStore {
}
