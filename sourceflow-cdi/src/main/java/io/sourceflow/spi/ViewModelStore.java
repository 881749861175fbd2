package io.sourceflow.spi;

/** Keeps view models (read models), by id; by default the id of the entity they describe. */
public interface ViewModelStore extends KeyedStore, io.sourceflow.ViewModels {
}
