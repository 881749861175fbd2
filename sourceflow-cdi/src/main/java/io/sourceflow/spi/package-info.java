/**
 * The service provider interface: what transports and stores implement. Implementations are CDI
 * beans. Dispatchers and middleware are gathered with {@code @Any Instance<T>} and ordered by
 * {@link jakarta.enterprise.inject.spi.Prioritized#getPriority()}, lowest first; stores are single
 * beans, in-memory by default, replaced by an {@code @Alternative @Priority} bean such as the JPA
 * stores.
 *
 * <p>Every parameter and return value in this package is non-null unless its documentation says
 * otherwise.
 */
package io.sourceflow.spi;
