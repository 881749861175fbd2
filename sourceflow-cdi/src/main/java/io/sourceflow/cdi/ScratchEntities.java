package io.sourceflow.cdi;

import io.sourceflow.spi.EntityStore;
import java.util.Optional;

/**
 * The entity store as the sagas see it: the application's store, except in a replay that rebuilds
 * views alone ({@link RebuildScope}), whose entities are recomputed in memory, starting from none,
 * and never written.
 */
final class ScratchEntities implements EntityStore {

    private final EntityStore store;
    private final RebuildScope scope;

    ScratchEntities(EntityStore store, RebuildScope scope) {
        this.store = store;
        this.scope = scope;
    }

    @Override
    public <T> Optional<T> find(Class<T> type, String id) {
        RebuildScope.Scope rebuild = scope.get();
        return rebuild == null ? store.find(type, id) : Optional.ofNullable(type.cast(rebuild.entities().get(key(type, id))));
    }

    @Override
    public <T> void persist(Class<T> type, String id, T value) {
        RebuildScope.Scope rebuild = scope.get();
        if (rebuild == null) {
            store.persist(type, id, value);
        } else {
            rebuild.entities().put(key(type, id), value);
        }
    }

    @Override
    public void delete(Class<?> type, String id) {
        RebuildScope.Scope rebuild = scope.get();
        if (rebuild == null) {
            store.delete(type, id);
        } else {
            rebuild.entities().remove(key(type, id));
        }
    }

    @Override
    public void flush() {
        store.flush();
    }

    private static String key(Class<?> type, String id) {
        return type.getName() + '\u0000' + id;
    }
}
