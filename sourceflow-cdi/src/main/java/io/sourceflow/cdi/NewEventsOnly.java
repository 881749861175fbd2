package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.Metadata;
import io.sourceflow.spi.CommandStore;
import io.sourceflow.spi.EventDispatcher;
import io.sourceflow.spi.KeyedStore;
import io.sourceflow.spi.Outcome;
import io.sourceflow.spi.SafeText;
import java.time.Instant;
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
 * the view applied passes it by. Its positions are kept per rebuild generation ({@link ViewRebuild}); while
 * a rebuild of it runs, an entity older than the rebuild that it has not replayed yet leaves its new events
 * to the rebuild.
 */
final class NewEventsOnly implements EventDispatcher {

    private static final Logger LOG = Logger.getLogger(NewEventsOnly.class.getName());

    private final EventDispatcher projection;
    private final String view;
    private final String method;
    private final KeyedStore store;
    private final boolean keyed;
    private final CommandStore log;
    private final KeyedStore states;

    /**
     * @param store the view-model store, which keeps the positions
     * @param log the command log, asked when an entity was created
     * @param states where the views' rebuild states are ({@link ViewRebuild}): the entity store, whose
     *     first read of a row in a transaction is the database's, so that no server reads an earlier
     *     rebuild's state from a cache
     */
    NewEventsOnly(EventDispatcher projection, Handler view, KeyedStore store, CommandStore log, KeyedStore states) {
        this.log = log;
        this.states = states;
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
        String at = view;
        ViewPositions positions = store.find(ViewPositions.class, entityId).orElse(ViewPositions.NONE);
        if (keyed) {
            ViewRebuild rebuild = states.find(ViewRebuild.class, view).orElse(ViewRebuild.NONE);
            at = rebuild.positionsOf(view);
            if (!metadata.replay() && rebuild.leavesToRebuild(metadata.entityType(), metadata.sequenceNo(),
                    positions.of(at, metadata.entityType()), () -> firstCommandOn(metadata))) {
                LOG.fine(() -> view + "." + method + " left event " + metadata.messageId() + " of entity '"
                        + SafeText.forLog(entityId) + "' (command " + metadata.sequenceNo() + ") to the rebuild under way");
                store.persist(ViewPositions.class, entityId, positions.leave(at, metadata.entityType()));
                return Outcome.DECLINED;
            }
        }
        Optional<ViewPositions> next = positions.take(at, metadata.entityType(), metadata.sequenceNo(),
                metadata.messageId() + " " + method);
        if (next.isEmpty()) {
            if (LOG.isLoggable(Level.FINE)) {
                LOG.fine(view + "." + method + " skipped event " + metadata.messageId() + " of entity '" + SafeText.forLog(entityId)
                        + "' (command " + metadata.sequenceNo() + "): it has applied it or a later command's events,"
                        + " up to command " + positions.of(at, metadata.entityType()).sequenceNo());
            }
            return Outcome.DECLINED;
        }
        Outcome outcome = projection.dispatch(envelope);
        store.persist(ViewPositions.class, entityId, next.get());
        return outcome;
    }

    /** When the entity's first command was appended (its log is locked by the command that raised the event). */
    private Instant firstCommandOn(Metadata metadata) {
        return log.firstLoggedOn(metadata.entityType(), metadata.entityId()).orElse(Instant.MAX);
    }

    @Override
    public int getPriority() {
        return projection.getPriority();
    }
}
