package io.sourceflow.spi;

/** Keeps view models (read models), by id; by default the id of the entity they describe. */
public interface ViewModelStore extends KeyedStore, io.sourceflow.ViewModels {

    /**
     * Deletes every model of a type, in the current unit of work: what a rebuild of a view
     * ({@link io.sourceflow.ViewRebuilds#start}) starts from. A store that cannot do it keeps the
     * default, and such views cannot be rebuilt alone.
     *
     * @param type the models' class
     * @return how many were deleted
     * @throws UnsupportedOperationException by default
     */
    default long deleteAll(Class<?> type) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot delete every model of " + type.getName()
                + "; implement ViewModelStore.deleteAll to rebuild its views alone");
    }
}
