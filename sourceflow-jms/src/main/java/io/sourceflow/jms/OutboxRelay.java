package io.sourceflow.jms;

import io.sourceflow.spi.OutboxMessage;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/**
 * Sends what a delivery's committed work kept in the outbox ({@link OutboxKeeper}), in order, outside
 * any transaction, then removes it in a transaction of its own; {@link JmsInbound} calls it before the
 * message is acknowledged, so the entity's next message is handled only after these were sent. If
 * the server dies, or the broker fails, in between, the message is delivered again, the inbox finds
 * it processed, and what is still kept for it is sent then; a message sent twice that way is skipped
 * by its receivers' inboxes (it keeps its message id).
 */
@Singleton
class OutboxRelay {

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
        send(kept.wasDuplicate() ? isolated.call(() -> keeper.outbox().kept(kept.cause())) : kept.messages());
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
        for (String cause : causes) {
            send(isolated.call(() -> keeper.outbox().kept(cause)));
        }
        return causes.size();
    }

    private void send(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        for (OutboxMessage message : messages) {
            sender.sendKept(message);
        }
        isolated.run(() -> messages.forEach(keeper.outbox()::remove));
    }
}
