package io.sourceflow.batch;

/**
 * One entity for the writer to replay: what {@link EntityIdReader} reads.
 *
 * @param type the entity's class
 * @param id its id
 */
record EntityItem(Class<?> type, String id) {
}
