package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.Metadata;
import io.sourceflow.spi.EventDispatcher;
import io.sourceflow.spi.KeyedStore;
import io.sourceflow.spi.Outcome;
import io.sourceflow.spi.SafeText;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Offers a view's projection only the events received from another server that it has not
 * applied and that are not older than the last command of their source entity the view applied,
 * by the {@link ViewPositions} kept beside the view models: a redelivered, re-driven or late event
 * never puts older state back or counts twice.
 *
 * <p>Events raised here are projected in their command's own transaction, once and in the
 * entity's order (the log's key serialises an entity's commands), so they pass without a position
 * and cost nothing more. That holds as long as a view takes each entity's events either all from
 * here or all from other servers, as both supported set-ups do: one server handles an entity's
 * commands and the others receive its events, or competing consumers whose views take every event
 * from the shared subscription ({@code sourceflow.views.remote-only}). Events without an entity or a
 * sequence number pass too.
 *
 * <p>A view that keeps its models under a key the event carries ({@link io.sourceflow.Projects#key()})
 * has every event of an entity checked, its own server's and replayed ones too: its models gather
 * many entities' events and are not rebuilt by one entity's replay, so a replayed event of a command
 * the view applied passes it by.
 */
final class NewEventsOnly implements EventDispatcher {

    private static final Logger LOG = Logger.getLogger(NewEventsOnly.class.getName());

    private final EventDispatcher projection;
    private final String view;
    private final String method;
    private final KeyedStore store;
    private final boolean keyed;

    NewEventsOnly(EventDispatcher projection, Handler view, KeyedStore store) {
        this.projection = projection;
        this.keyed = view.method().key() != null;
        this.view = view.method().beanClass().getName();
        this.method = view.method().method().getName() + "(" + view.method().messageType().getName() + ")";
        this.store = store;
    }

    @Override
    public Outcome dispatch(Envelope<? extends Event> envelope) {
        Metadata metadata = envelope.metadata();
        String entityId = metadata.entityId();
        if (!keyed && !metadata.isRemote() || entityId == null || metadata.sequenceNo() == 0) {
            return projection.dispatch(envelope);
        }
        ViewPositions positions = store.find(ViewPositions.class, entityId).orElse(ViewPositions.NONE);
        Optional<ViewPositions> next = positions.take(view, metadata.entityType(), metadata.sequenceNo(),
                metadata.messageId() + " " + method);
        if (next.isEmpty()) {
            if (LOG.isLoggable(Level.FINE)) {
                LOG.fine(view + "." + method + " skipped event " + metadata.messageId() + " of entity '" + SafeText.forLog(entityId)
                        + "' (command " + metadata.sequenceNo() + "): it has applied it or a later command's events,"
                        + " up to command " + positions.of(view, metadata.entityType()).sequenceNo());
            }
            return Outcome.DECLINED;
        }
        Outcome outcome = projection.dispatch(envelope);
        store.persist(ViewPositions.class, entityId, next.get());
        return outcome;
    }

    @Override
    public int getPriority() {
        return projection.getPriority();
    }
}
