package io.sourceflow.spi;

/** Keeps saga entities, by entity id. */
public interface EntityStore extends KeyedStore {
}
