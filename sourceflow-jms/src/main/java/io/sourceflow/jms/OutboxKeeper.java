package io.sourceflow.jms;

import io.sourceflow.cdi.UnitOfWork;
import io.sourceflow.spi.Outbox;
import io.sourceflow.spi.OutboxMessage;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps the sends of a delivery's work in the {@link Outbox} while {@link JmsInbound} runs that work
 * without a caller transaction: bound to the work's own JTA transaction (a transaction a handler
 * begins inside it sends as usual, and nothing is kept once the work's transaction is completing),
 * numbered in the order sent, written in that transaction. {@link OutboxRelay} sends them once it
 * committed.
 */
@Singleton
class OutboxKeeper {

    private final Object key = new Object();

    @Inject
    Instance<Outbox> outboxes;
    @Inject
    JmsResources resources;
    @Inject
    UnitOfWork transaction;

    private Outbox outbox;

    @PostConstruct
    void find() {
        outbox = resources.settings().outbox() && outboxes.isResolvable() ? outboxes.get() : null;
    }

    /** Whether sends can be kept: the setting is on and the application has an outbox. */
    boolean enabled() {
        return outbox != null;
    }

    /** The outbox; only when {@link #enabled()}. */
    Outbox outbox() {
        return outbox;
    }

    /**
     * Runs work whose sends are kept for a cause; call it inside the work's transaction.
     *
     * @param cause the id of the message whose handling the work is
     * @param work the work
     * @return what the work kept (sent by the relay once the transaction committed)
     */
    Kept keeping(String cause, Runnable work) {
        Kept kept = new Kept(cause);
        if (!transaction.bind(key, kept)) {
            throw new IllegalStateException("Sends can be kept only inside an active JTA transaction");
        }
        work.run();
        return kept;
    }

    /** Whether the current transaction's sends go to the outbox. */
    boolean keeps() {
        return transaction.bound(key) != null;
    }

    /** Keeps a message, in the current transaction. */
    void keep(String destination, boolean topic, String body, Map<String, String> properties) {
        Kept kept = (Kept) transaction.bound(key);
        OutboxMessage message = new OutboxMessage(kept.cause(), kept.messages().size(), destination, topic, body, properties,
                Instant.now());
        outbox.keep(message);
        kept.messages().add(message);
    }

    /** The work found its message processed before (the inbox knew it): what it kept then may be unsent. */
    void duplicate() {
        Kept kept = (Kept) transaction.bound(key);
        if (kept != null) {
            kept.duplicate = true;
        }
    }

    /** What a delivery's work kept, and whether its message had been processed before. */
    static final class Kept {

        private final String cause;
        private final List<OutboxMessage> messages = new ArrayList<>();
        private boolean duplicate;

        private Kept(String cause) {
            this.cause = cause;
        }

        /** @return the id of the message whose handling it was */
        String cause() {
            return cause;
        }

        /** @return the messages it kept, in order */
        List<OutboxMessage> messages() {
            return messages;
        }

        /** @return whether the message had been processed before (what it kept then may be unsent) */
        boolean wasDuplicate() {
            return duplicate;
        }
    }
}
