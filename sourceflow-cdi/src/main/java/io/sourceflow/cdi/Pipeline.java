package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import io.sourceflow.Message;
import io.sourceflow.spi.Middleware;
import io.sourceflow.spi.Outcome;
import jakarta.enterprise.inject.spi.Prioritized;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a message through middleware, in priority order, to a last step whose {@link Outcome} it
 * returns. Without middleware the last step is called directly; with middleware, the chain is
 * built for the call so that the outcome comes back through it. Middleware that stops the message
 * yields the given outcome.
 *
 * @param <M> the message kind
 */
final class Pipeline<M extends Message> {

    private final List<? extends Middleware<M>> middleware;
    private final Function<Envelope<? extends M>, Outcome> last;
    private final Outcome whenStopped;

    Pipeline(List<? extends Middleware<M>> middleware, Function<Envelope<? extends M>, Outcome> last, Outcome whenStopped) {
        this.middleware = byPriority(middleware);
        this.last = last;
        this.whenStopped = whenStopped;
    }

    Outcome run(Envelope<? extends M> envelope) {
        if (middleware.isEmpty()) {
            return last.apply(envelope);
        }
        Outcome[] result = {whenStopped};
        Middleware.Next<M> next = e -> result[0] = last.apply(e);
        for (int i = middleware.size() - 1; i >= 0; i--) {
            Middleware<M> step = middleware.get(i);
            Middleware.Next<M> after = next;
            next = e -> step.handle(e, after);
        }
        next.proceed(envelope);
        return result[0];
    }

    static <T extends Prioritized> List<T> byPriority(List<T> items) {
        return items.stream().sorted(Comparator.comparingInt(Prioritized::getPriority)).toList();
    }
}
