package io.sourceflow.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;

/**
 * A message that failed too often and was parked ({@code sourceflow_dead_letter}) instead of being
 * lost: its body and headers as received, the last error, how often it was delivered, and when it
 * was parked and, once re-driven, when that happened. The row of an
 * {@link io.sourceflow.spi.DeadLetter}, written by {@link JpaDeadLetterStore}.
 */
@Entity
@Table(name = "sourceflow_dead_letter")
public class DeadLetterRow {

    @Id
    @Column(name = "id", length = 36, nullable = false, updatable = false)
    private String id;

    @Column(name = "message_id", length = 36, nullable = false, updatable = false)
    private String messageId;

    @Column(name = "destination", length = 255, nullable = false, updatable = false)
    private String destination;

    @Column(name = "type_alias", length = 255, updatable = false)
    private String typeAlias;

    @Column(name = "entity_id", length = 255, updatable = false)
    private String entityId;

    @Lob
    @JdbcTypeCode(JsonColumns.HIBERNATE_TYPE)
    @Column(name = "body", length = JsonColumns.LENGTH, nullable = false, updatable = false)
    private String body;

    @Lob
    @JdbcTypeCode(JsonColumns.HIBERNATE_TYPE)
    @Column(name = "headers", length = JsonColumns.LENGTH, nullable = false, updatable = false)
    private String headers;

    @Lob
    @JdbcTypeCode(JsonColumns.HIBERNATE_TYPE)
    @Column(name = "error", length = JsonColumns.LENGTH, nullable = false, updatable = false)
    private String error;

    @Column(name = "delivery_count", nullable = false, updatable = false)
    private int deliveryCount;

    @Column(name = "first_received_on", updatable = false)
    private OffsetDateTime firstReceivedOn;

    @Column(name = "dead_lettered_on", nullable = false, updatable = false)
    private OffsetDateTime deadLetteredOn;

    @Column(name = "redriven_on")
    private OffsetDateTime redrivenOn;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** For JPA. */
    protected DeadLetterRow() {
    }

    /**
     * @param id this dead letter's id (application-assigned, for example a random UUID)
     * @param messageId the failed message's id
     * @param destination the queue or topic it came from
     * @param body the message body as received
     * @param headers the message headers and properties, as JSON
     * @param error the last error, with its causes
     * @param deliveryCount how often the message was delivered
     * @param deadLetteredOn when it was parked
     */
    public DeadLetterRow(String id, String messageId, String destination, String body, String headers, String error,
            int deliveryCount, OffsetDateTime deadLetteredOn) {
        this.id = Objects.requireNonNull(id, "id");
        this.messageId = Objects.requireNonNull(messageId, "messageId");
        this.destination = Objects.requireNonNull(destination, "destination");
        this.body = Objects.requireNonNull(body, "body");
        this.headers = Objects.requireNonNull(headers, "headers");
        this.error = Objects.requireNonNull(error, "error");
        this.deliveryCount = deliveryCount;
        this.deadLetteredOn = Objects.requireNonNull(deadLetteredOn, "deadLetteredOn");
    }

    /** @return this dead letter's id */
    public String getId() {
        return id;
    }

    /** @return the failed message's id */
    public String getMessageId() {
        return messageId;
    }

    /** @return the queue or topic the message came from */
    public String getDestination() {
        return destination;
    }

    /** @return the message type alias, or {@code null} when it could not be read */
    public String getTypeAlias() {
        return typeAlias;
    }

    /** @param typeAlias the message type alias, or {@code null} */
    public void setTypeAlias(String typeAlias) {
        this.typeAlias = typeAlias;
    }

    /** @return the message's entity id, or {@code null} */
    public String getEntityId() {
        return entityId;
    }

    /** @param entityId the message's entity id, or {@code null} */
    public void setEntityId(String entityId) {
        this.entityId = entityId;
    }

    /** @return the message body as received */
    public String getBody() {
        return body;
    }

    /** @return the headers and properties, as JSON */
    public String getHeaders() {
        return headers;
    }

    /** @return the last error */
    public String getError() {
        return error;
    }

    /** @return how often the message was delivered */
    public int getDeliveryCount() {
        return deliveryCount;
    }

    /** @return when the message was first received, or {@code null} when unknown */
    public OffsetDateTime getFirstReceivedOn() {
        return firstReceivedOn;
    }

    /** @param firstReceivedOn when the message was first received, or {@code null} */
    public void setFirstReceivedOn(OffsetDateTime firstReceivedOn) {
        this.firstReceivedOn = firstReceivedOn;
    }

    /** @return when the message was parked */
    public OffsetDateTime getDeadLetteredOn() {
        return deadLetteredOn;
    }

    /** @return when the message was re-driven, or {@code null} while it is parked */
    public OffsetDateTime getRedrivenOn() {
        return redrivenOn;
    }

    /** @param redrivenOn when the message was re-driven */
    public void setRedrivenOn(OffsetDateTime redrivenOn) {
        this.redrivenOn = redrivenOn;
    }

    /** @return the optimistic-locking version */
    public long getVersion() {
        return version;
    }
}
