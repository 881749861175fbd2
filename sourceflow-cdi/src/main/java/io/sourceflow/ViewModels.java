package io.sourceflow;

import java.util.Optional;

/**
 * The view models kept by the application's view model store, by type and id. A {@link View}
 * reads and writes through it the models it keys itself (a total across entities, say); models a
 * projection returns are kept for it.
 */
public interface ViewModels {

    /**
     * Loads a view model.
     *
     * @param type its class
     * @param id its id
     * @param <T> its type
     * @return the model, or empty when there is none
     */
    <T> Optional<T> find(Class<T> type, String id);

    /**
     * Inserts or replaces a view model, in the current unit of work.
     *
     * @param type its class
     * @param id its id
     * @param model the model
     * @param <T> its type
     */
    <T> void persist(Class<T> type, String id, T model);
}
