package io.sourceflow.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;

/**
 * A message kept in the outbox ({@code sourceflow_outbox}) until the transport took it, keyed by the
 * id of the message whose handling sent it and its position among that message's sends.
 */
@Entity
@Table(name = "sourceflow_outbox")
@IdClass(OutboxRow.Key.class)
public class OutboxRow {

    @Id
    @Column(name = "cause", length = 36, nullable = false, updatable = false)
    private String cause;

    @Id
    @Column(name = "item_no", nullable = false, updatable = false)
    private int position;

    @Column(name = "destination", length = 255, nullable = false, updatable = false)
    private String destination;

    @Column(name = "topic", nullable = false, updatable = false)
    private boolean topic;

    @Lob
    @JdbcTypeCode(JsonColumns.HIBERNATE_TYPE)
    @Column(name = "body", length = JsonColumns.LENGTH, nullable = false, updatable = false)
    private String body;

    @Lob
    @JdbcTypeCode(JsonColumns.HIBERNATE_TYPE)
    @Column(name = "properties", length = JsonColumns.LENGTH, nullable = false, updatable = false)
    private String properties;

    @Column(name = "kept_on", nullable = false, updatable = false)
    private OffsetDateTime keptOn;

    /** For JPA. */
    protected OutboxRow() {
    }

    /**
     * @param cause the id of the message whose handling sent it
     * @param position its place among the cause's messages
     * @param destination the queue or topic
     * @param topic whether the destination is a topic
     * @param body the body
     * @param properties the message properties, as a JSON object
     * @param keptOn when it was kept
     */
    public OutboxRow(String cause, int position, String destination, boolean topic, String body, String properties,
            OffsetDateTime keptOn) {
        this.cause = Objects.requireNonNull(cause, "cause");
        this.position = position;
        this.destination = Objects.requireNonNull(destination, "destination");
        this.topic = topic;
        this.body = Objects.requireNonNull(body, "body");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.keptOn = Objects.requireNonNull(keptOn, "keptOn");
    }

    /** @return the id of the message whose handling sent it */
    public String getCause() {
        return cause;
    }

    /** @return its place among the cause's messages */
    public int getPosition() {
        return position;
    }

    /** @return the queue or topic */
    public String getDestination() {
        return destination;
    }

    /** @return whether the destination is a topic */
    public boolean isTopic() {
        return topic;
    }

    /** @return the body */
    public String getBody() {
        return body;
    }

    /** @return the message properties, as a JSON object */
    public String getProperties() {
        return properties;
    }

    /** @return when it was kept */
    public OffsetDateTime getKeptOn() {
        return keptOn;
    }

    /** The primary key: cause and position. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String cause;
        private int position;

        /** For JPA. */
        public Key() {
        }

        /**
         * @param cause the id of the message whose handling sent it
         * @param position its place among the cause's messages
         */
        public Key(String cause, int position) {
            this.cause = cause;
            this.position = position;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(cause, k.cause) && position == k.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(cause, position);
        }
    }
}
