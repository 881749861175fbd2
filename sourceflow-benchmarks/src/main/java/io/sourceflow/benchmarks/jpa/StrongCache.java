package io.sourceflow.benchmarks.jpa;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Axon's aggregate cache as a map that keeps every entry: the benchmark's accounts (one per caller)
 * stay loaded, as they would in an Ehcache or JCache cache large enough for them. Axon 4 itself ships
 * only {@code WeakReferenceCache}, whose entries the collector may drop at any young collection (the
 * next command then replays the account's whole stream), and adapters for those two libraries.
 * Entry listeners are not supported: the repository registers none.
 */
final class StrongCache implements Cache {

    private final Map<Object, Object> entries = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        if (value == null) {
            entries.remove(key);
        } else {
            entries.put(key, value);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.clear();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("The benchmark's aggregate cache has no entry listeners");
    }
}
