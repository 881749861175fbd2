package io.sourceflow.spi;

import java.util.Optional;

/**
 * Objects of a type kept by id: the shape shared by {@link EntityStore} and {@link ViewModelStore}.
 * Writes belong to the current unit of work; a store with optimistic locking reports a stale write
 * as a {@link io.sourceflow.ConcurrencyException}.
 */
public interface KeyedStore {

    /**
     * Loads an object.
     *
     * @param type its class
     * @param id its id
     * @param <T> its type
     * @return the object, or empty
     */
    <T> Optional<T> find(Class<T> type, String id);

    /**
     * Inserts or updates an object.
     *
     * @param type its class
     * @param id its id
     * @param value the object
     * @param <T> its type
     */
    <T> void persist(Class<T> type, String id, T value);

    /**
     * Deletes an object; nothing happens when there is none.
     *
     * @param type its class
     * @param id its id
     */
    void delete(Class<?> type, String id);

    /**
     * Writes what the store holds back (a persistence context's pending changes) to its database now,
     * in the current transaction, so that a write that conflicts with another transaction's fails here
     * as a {@link io.sourceflow.ConcurrencyException}, where the caller can retry it, and not at
     * commit. A replay calls it when it has re-run the log. Nothing by default (a store that writes at
     * once).
     *
     * @throws io.sourceflow.ConcurrencyException when a pending write conflicts with another transaction's
     */
    default void flush() {
    }
}
