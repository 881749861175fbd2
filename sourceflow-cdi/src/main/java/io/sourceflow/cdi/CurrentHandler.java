package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import jakarta.inject.Singleton;

/**
 * The {@link HandlerContext} of the handler method running on this thread, if any. It is bound
 * only for the duration of one handler method call, because the handler API lets a saga call
 * {@code raise(event)} and an aggregate {@code send(command)} without passing a context; what they
 * call then finds it here. Handler calls never nest: everything a handler publishes is deferred.
 * A {@code @Singleton}, injected as itself, with no client proxy on the per-message path.
 */
@Singleton
public class CurrentHandler {

    private final ThreadLocal<HandlerContext> current = new ThreadLocal<>();

    /** The running handler's context, or null outside a handler method. */
    HandlerContext get() {
        return current.get();
    }

    /**
     * Binds a new context for a handler about to handle the cause; pair with {@link #leave()}.
     *
     * @param cause what it handles
     * @param handler the handler's identity ({@link HandlerContext#identity})
     */
    HandlerContext enter(Envelope<?> cause, String handler) {
        if (current.get() != null) {
            throw new IllegalStateException("A handler for " + cause.describe() + " was started while another handler"
                    + " runs on this thread; handlers defer what they publish and never run one another");
        }
        HandlerContext context = new HandlerContext(cause, handler);
        current.set(context);
        return context;
    }

    /** Unbinds the context; the thread keeps an empty entry, so the next handler allocates none. */
    void leave() {
        current.set(null);
    }
}
