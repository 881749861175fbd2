/**
 * The public API of SourceFlow: messages ({@link io.sourceflow.Command}, {@link io.sourceflow.Event}),
 * their {@link io.sourceflow.Metadata}, the {@link io.sourceflow.CommandBus} and
 * {@link io.sourceflow.EventQueue}, and the base classes users extend: {@link io.sourceflow.Saga},
 * {@link io.sourceflow.Aggregate} and {@link io.sourceflow.View}.
 *
 * <p>Every parameter and return value in this package is non-null unless its documentation says
 * otherwise; {@link java.util.Optional} marks values that may be absent.
 */
package io.sourceflow;
