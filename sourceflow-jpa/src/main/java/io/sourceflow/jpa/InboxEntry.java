package io.sourceflow.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A message a consumer has processed ({@code sourceflow_inbox}), written in the transaction that
 * processed it: a redelivered duplicate finds its entry and is skipped, so that receiving is
 * exactly-once in effect. The key is {@code (consumer, message_id)}, so that several consumers
 * sharing a database each see every message once.
 */
@Entity
@Table(name = "sourceflow_inbox")
@IdClass(InboxEntry.Key.class)
public class InboxEntry {

    @Id
    @Column(name = "consumer", length = 255, nullable = false, updatable = false)
    private String consumer;

    @Id
    @Column(name = "message_id", length = 36, nullable = false, updatable = false)
    private String messageId;

    @Column(name = "received_on", nullable = false, updatable = false)
    private OffsetDateTime receivedOn;

    /** For JPA. */
    protected InboxEntry() {
    }

    /**
     * @param consumer the consuming application or subscription
     * @param messageId the processed message's id
     * @param receivedOn when it was processed
     */
    public InboxEntry(String consumer, String messageId, OffsetDateTime receivedOn) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.messageId = Objects.requireNonNull(messageId, "messageId");
        this.receivedOn = Objects.requireNonNull(receivedOn, "receivedOn");
    }

    /**
     * The consuming application or subscription.
     *
     * @return its name
     */
    public String getConsumer() {
        return consumer;
    }

    /**
     * The processed message's id.
     *
     * @return the id
     */
    public String getMessageId() {
        return messageId;
    }

    /**
     * When the message was processed.
     *
     * @return the time
     */
    public OffsetDateTime getReceivedOn() {
        return receivedOn;
    }

    /** The primary key of an {@link InboxEntry}. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String consumer;
        private String messageId;

        /** For JPA. */
        public Key() {
        }

        /**
         * @param consumer the consuming application or subscription
         * @param messageId the message id
         */
        public Key(String consumer, String messageId) {
            this.consumer = consumer;
            this.messageId = messageId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(consumer, k.consumer) && Objects.equals(messageId, k.messageId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(consumer, messageId);
        }
    }
}
