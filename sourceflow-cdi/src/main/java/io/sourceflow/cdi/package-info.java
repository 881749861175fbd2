/**
 * The CDI runtime. {@link io.sourceflow.cdi.SourceFlowExtension} finds and validates handlers at
 * boot; {@link io.sourceflow.cdi.SourceFlowRuntime} wires plain classes (the bus, the event queue,
 * the local dispatchers) behind the thin {@link io.sourceflow.cdi.CdiCommandBus} and
 * {@link io.sourceflow.cdi.CdiEventQueue} beans; the in-memory stores are the default stores.
 *
 * <p>Why a thread-bound {@code Unit}: the handler API lets a saga call {@code raise(event)} and
 * {@code publish(command)} without passing a context, so the runtime must know which message the
 * current thread is handling (to derive correlation, causation, entity id and the replay flag) and
 * defer what a saga raises until its entity is persisted. That state lives in one object per
 * thread, set and cleared in {@code try/finally} around each outermost call; the metadata itself
 * always travels in the message's envelope. Dispatch is sequential on the caller's thread, because
 * a JTA transaction is bound to one thread.
 *
 * <p>Every parameter and return value in this package is non-null unless its documentation says
 * otherwise.
 */
package io.sourceflow.cdi;
