package io.sourceflow.cdi;

import io.sourceflow.spi.KeyedStore;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Objects by type and id in memory, thread-safe. Writes made in a transaction (JTA, or the bus's
 * own unit without JTA) that does not commit are undone. {@code find} hands out a shallow copy of a
 * mutable object (see {@link ShallowCopy}), so
 * changes made to it count only once it is persisted; records and other immutable values are
 * shared as they are.
 */
abstract class InMemoryKeyedStore implements KeyedStore {

    private final Map<Class<?>, Map<String, Object>> byType = new ConcurrentHashMap<>();
    private final ShallowCopy copies = new ShallowCopy();

    @Inject
    UnitOfWork transaction;

    @Override
    public <T> Optional<T> find(Class<T> type, String id) {
        Map<String, Object> objects = byType.get(type);
        return objects == null ? Optional.empty() : Optional.ofNullable(copies.of(type.cast(objects.get(id))));
    }

    @Override
    public <T> void persist(Class<T> type, String id, T value) {
        Map<String, Object> objects = byType.get(type);
        if (objects == null) {
            objects = byType.computeIfAbsent(type, t -> new ConcurrentHashMap<>());
        }
        Object previous = objects.put(id, type.cast(value));
        whenUndone(objects, id, previous, value);
    }

    @Override
    public void delete(Class<?> type, String id) {
        Map<String, Object> objects = byType.get(type);
        if (objects != null) {
            Object previous = objects.remove(id);
            if (previous != null) {
                whenUndone(objects, id, previous, null);
            }
        }
    }

    /** Deletes every object of a type, each put back when the transaction does not commit; returns how many. */
    long deleteEvery(Class<?> type) {
        Map<String, Object> objects = byType.get(type);
        if (objects == null) {
            return 0;
        }
        long deleted = 0;
        for (String id : List.copyOf(objects.keySet())) {
            Object previous = objects.remove(id);
            if (previous != null) {
                whenUndone(objects, id, previous, null);
                deleted++;
            }
        }
        return deleted;
    }

    private void whenUndone(Map<String, Object> objects, String id, Object previous, Object written) {
        transaction.undoOnRollback(() -> {
            if (previous == null) {
                objects.remove(id, written);
            } else {
                objects.put(id, previous);
            }
        });
    }
}
