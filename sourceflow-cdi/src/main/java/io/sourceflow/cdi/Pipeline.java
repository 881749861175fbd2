package io.sourceflow.cdi;

import io.sourceflow.Message;
import io.sourceflow.spi.Middleware;
import jakarta.enterprise.inject.spi.Prioritized;
import java.util.Comparator;
import java.util.List;

/** Builds a middleware chain once, so that running it allocates nothing. */
final class Pipeline {

    private Pipeline() {
    }

    static <M extends Message> Middleware.Next<M> chain(List<? extends Middleware<M>> middleware,
            Middleware.Next<M> last) {
        Middleware.Next<M> next = last;
        List<? extends Middleware<M>> ordered = byPriority(middleware);
        for (int i = ordered.size() - 1; i >= 0; i--) {
            Middleware<M> step = ordered.get(i);
            Middleware.Next<M> after = next;
            next = envelope -> step.handle(envelope, after);
        }
        return next;
    }

    static <T extends Prioritized> List<T> byPriority(List<T> items) {
        return items.stream().sorted(Comparator.comparingInt(Prioritized::getPriority)).toList();
    }
}
