package io.sourceflow.spi;

import io.sourceflow.Envelope;
import io.sourceflow.Message;
import jakarta.enterprise.inject.spi.Prioritized;

/**
 * Code that runs around one of the four processing points. Middleware runs in priority order
 * (lowest first), also for replayed messages; it may pass on a changed envelope, stop the message
 * by not calling {@code next}, or reject it by throwing (which rolls the work back).
 *
 * <p>Implement one of the four point interfaces as a CDI bean:
 * <pre>{@code
 * @ApplicationScoped
 * public class AuditMiddleware implements CommandDispatchMiddleware {
 *     public void handle(Envelope<? extends Command> envelope, Next<Command> next) {
 *         audit.record(envelope);
 *         next.proceed(envelope);
 *     }
 *     public int getPriority() { return 100; }
 * }
 * }</pre>
 *
 * @param <M> the message kind
 */
public interface Middleware<M extends Message> extends Prioritized {

    /**
     * Handles a message.
     *
     * @param envelope the message and its metadata
     * @param next the rest of the chain
     */
    void handle(Envelope<? extends M> envelope, Next<M> next);

    /**
     * The rest of a middleware chain.
     *
     * @param <M> the message kind
     */
    @FunctionalInterface
    interface Next<M extends Message> {

        /**
         * Passes the message on.
         *
         * @param envelope the message, possibly with changed metadata
         */
        void proceed(Envelope<? extends M> envelope);
    }
}
