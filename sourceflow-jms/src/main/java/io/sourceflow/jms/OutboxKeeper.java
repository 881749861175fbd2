package io.sourceflow.jms;

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
 * without a caller transaction: bound to the thread for the duration of the work (as a transaction
 * is), numbered in the order sent, written in the work's transaction. {@link OutboxRelay} sends them
 * once that transaction committed.
 */
@Singleton
class OutboxKeeper {

    private final ThreadLocal<Kept> current = new ThreadLocal<>();

    @Inject
    Instance<Outbox> outboxes;
    @Inject
    JmsResources resources;

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
     * Runs work whose sends are kept for a cause.
     *
     * @param cause the id of the message whose handling the work is
     * @param work the work, running in its transaction
     * @return what the work kept (sent by the relay once the transaction committed)
     */
    Kept keeping(String cause, Runnable work) {
        Kept kept = new Kept(cause);
        current.set(kept);
        try {
            work.run();
        } finally {
            current.remove();
        }
        return kept;
    }

    /** Whether the thread's sends go to the outbox now. */
    boolean keeps() {
        return current.get() != null;
    }

    /** Keeps a message, in the current transaction. */
    void keep(String destination, boolean topic, String body, Map<String, String> properties) {
        Kept kept = current.get();
        OutboxMessage message = new OutboxMessage(kept.cause(), kept.messages().size(), destination, topic, body, properties,
                Instant.now());
        outbox.keep(message);
        kept.messages().add(message);
    }

    /** The work found its message processed before (the inbox knew it): what it kept then may be unsent. */
    void duplicate() {
        Kept kept = current.get();
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
