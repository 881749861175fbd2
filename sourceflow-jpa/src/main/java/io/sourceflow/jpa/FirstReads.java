package io.sourceflow.jpa;

import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows a transaction has read or written through one store. The first read of a row in a
 * transaction is the database's, never the provider's shared cache's: a row changed behind this
 * server's back (by another server, or by a commit whose answer never came back when the database
 * went down) would otherwise be decided on stale (a withdrawal refused on an old balance) or written
 * back over the change. Later reads in the transaction find the row in the persistence context, with
 * what the transaction did to it. Outside a transaction (a read for a response) the cache serves.
 */
final class FirstReads {

    /**
     * Hints to read a row from the database past the shared cache and refresh the cached copy with
     * it, in the find itself: one statement, where a find served by the cache and then a refresh
     * copy the row twice. JPA's retrieve mode {@code BYPASS} alone reads the database, but
     * EclipseLink then still answers with the cached object, so its own refresh hint goes with it.
     */
    private static final Map<String, Object> REFRESH = Map.of("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS,
            "eclipselink.refresh", "true");

    /** This store's entry in each transaction's resources. */
    private final Object resource = new Object();

    /**
     * Records that the transaction touches a row.
     *
     * @param tx the active transaction, or null
     * @param type the class the row is kept for
     * @param id its id
     * @return true when the transaction had not touched it before; false outside a transaction
     */
    boolean first(TransactionSynchronizationRegistry tx, Class<?> type, String id) {
        if (tx == null) {
            return false;
        }
        @SuppressWarnings("unchecked")
        Set<List<Object>> touched = (Set<List<Object>>) tx.getResource(resource);
        if (touched == null) {
            touched = new HashSet<>();
            tx.putResource(resource, touched);
        }
        return touched.add(List.of(type, id));
    }

    /**
     * Finds a row, refreshed from the database when the transaction reads it for the first time and
     * the shared cache held it (a provider without one, or a row not cached, is read from the
     * database by the find itself). A cached row the database no longer has is evicted.
     *
     * @param em the entity manager
     * @param tx the active transaction, or null
     * @param entity the JPA entity class of the row
     * @param key its primary key
     * @param type the class the row is kept for
     * @param id its id
     * @param <E> the entity class
     * @return the row, or null when there is none
     */
    <E> E find(EntityManager em, TransactionSynchronizationRegistry tx, Class<E> entity, Object key, Class<?> type, String id) {
        boolean cached = first(tx, type, id) && em.getEntityManagerFactory().getCache().contains(entity, key);
        if (!cached) {
            return em.find(entity, key);
        }
        E found = em.find(entity, key, REFRESH);
        if (found == null) {
            em.getEntityManagerFactory().getCache().evict(entity, key);
        }
        return found;
    }
}
