package io.sourceflow.spi;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import jakarta.enterprise.inject.spi.Prioritized;

/**
 * Receives every enqueued event and decides itself whether to act: the local dispatcher delivers
 * events to aggregates and views, a transport publishes the event types routed to it.
 */
public interface EventDispatcher extends Prioritized {

    /**
     * Offers an event.
     *
     * @param envelope the event and its metadata (check {@code metadata().replay()} and
     *     {@code metadata().isRemote()} before sending anything elsewhere)
     * @return what the handlers it ran deferred ({@link Outcome#TAKEN} or {@link Outcome#DECLINED}
     *     when nothing; events need no taker)
     */
    Outcome dispatch(Envelope<? extends Event> envelope);
}
