package io.sourceflow.jms;

import io.sourceflow.spi.OutboxMessage;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what a delivery's committed work kept in the outbox ({@link OutboxKeeper}), in order, in a
 * transaction of its own with the broker alone (committed in one phase), then removes it in another; {@link JmsInbound} calls it before the
 * message is acknowledged, so the entity's next message is handled only after these were sent. If
 * the server dies, or the broker fails, in between, the message is delivered again, the inbox finds
 * it processed, and what is still kept for it is sent then; a message sent twice that way is skipped
 * by its receivers' inboxes (it keeps its message id).
 */
@Singleton
class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    @Inject
    OutboxKeeper keeper;
    @Inject
    JmsSender sender;
    @Inject
    IsolatedAttempt isolated;

    /**
     * Sends what a committed transaction kept; for a message processed before, what is still kept for it.
     *
     * @param kept what the delivery's work kept
     * @throws TransportException when a send fails (the rest stays kept)
     */
    void send(OutboxKeeper.Kept kept) {
        if (kept.wasDuplicate()) {
            sendKept(kept.cause());
        } else {
            send(kept.messages());
        }
    }

    /**
     * Sends what is still kept for a cause (what an earlier delivery of its message committed and did
     * not send).
     *
     * @param cause the id of the message whose handling kept them
     */
    void sendKept(String cause) {
        send(isolated.call(() -> keeper.outbox().kept(cause)));
    }

    /**
     * Sends what the outbox still keeps from before a time, cause by cause, each cause's in order.
     *
     * @param before messages kept before this instant count
     * @param max the most causes handled
     * @return how many causes were sent
     */
    int sendKeptBefore(Instant before, int max) {
        List<String> causes = isolated.call(() -> keeper.outbox().causes(before, max));
        int sent = 0;
        for (String cause : causes) {
            try {
                sendKept(cause);
                sent++;
            } catch (RuntimeException e) {
                // one that cannot be sent does not hold up the others; it is tried again at the next sweep
                LOG.log(Level.WARNING, "Could not send what the handling of message " + cause + " kept", e);
            }
        }
        return sent;
    }

    private void send(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        // in a transaction with the broker alone (one phase): outside any, Liberty's local transaction
        // containment gives the resource adapter a transacted session that it rolls back at the end of the
        // MDB's method, and the messages were lost without an error
        try {
            isolated.run(() -> messages.forEach(sender::sendKept));
        } catch (Exception e) { // also the transaction manager's checked exceptions, which pass the interceptor as they are
            throw e instanceof TransportException transport ? transport : new TransportException("Cannot send the "
                    + messages.size() + " messages the handling of message " + messages.get(0).cause() + " kept: " + e, e);
        }
        isolated.run(() -> messages.forEach(keeper.outbox()::remove));
    }
}
