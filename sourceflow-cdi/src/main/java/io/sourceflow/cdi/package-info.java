/**
 * The CDI runtime. {@link io.sourceflow.cdi.SourceFlowExtension} finds and validates handlers at
 * boot; {@link io.sourceflow.cdi.SourceFlowRuntime} composes plain classes once: the
 * {@code SimpleCommandBus}, which appends a command, hands it to the dispatchers and then delivers
 * and publishes what its handlers deferred, and the decorators around it (tracing, retry, the unit
 * of work). The thin {@link io.sourceflow.cdi.CdiCommandBus} and {@link io.sourceflow.cdi.CdiEventQueue}
 * beans front it; the in-memory stores and {@link io.sourceflow.cdi.JsonBindingSerializer} are the
 * defaults.
 *
 * <p>State that travels with a message (origin, replay, causation) lives in its metadata. Two
 * things are bound to the thread, each only where the platform forces it:
 * <ul>
 * <li>{@link io.sourceflow.cdi.CurrentHandler}: the handler API lets a saga call {@code raise(event)}
 * and an aggregate {@code send(command)} without passing a context, so the context of the handler
 * method running now is bound for exactly the length of that call, and what it collects is
 * returned by the dispatcher. Calls never nest: handlers defer, they do not run one another.</li>
 * <li>{@link io.sourceflow.cdi.UnitOfWork}: a JTA transaction is bound to its thread and the store
 * SPI takes no transaction parameter; the in-memory stores follow the JTA transaction, and without
 * JTA a local unit bound to the thread for the length of the bus's outermost call stands in.</li>
 * </ul>
 * Dispatch is sequential on the caller's thread, because a JTA transaction is bound to one thread.
 *
 * <p>Every parameter and return value in this package is non-null unless its documentation says
 * otherwise.
 */
package io.sourceflow.cdi;
