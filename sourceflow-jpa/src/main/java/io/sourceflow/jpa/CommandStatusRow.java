package io.sourceflow.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * The status of a command sent to or received from another server ({@code sourceflow_command_status}),
 * keyed by its message id; replaced as the command moves on (accepted, then applied, rejected or
 * parked).
 */
@Entity
@Table(name = "sourceflow_command_status")
public class CommandStatusRow {

    @Id
    @Column(name = "message_id", length = 36, nullable = false, updatable = false)
    private String messageId;

    @Column(name = "state", length = 16, nullable = false)
    private String state;

    @Column(name = "type_alias", length = 255, nullable = false)
    private String typeAlias;

    @Column(name = "entity_id", length = 255)
    private String entityId;

    @Column(name = "sequence_no", nullable = false)
    private long sequenceNo;

    @Column(name = "problem", length = 2000)
    private String problem;

    @Column(name = "recorded_on", nullable = false)
    private OffsetDateTime recordedOn;

    /** For JPA. */
    protected CommandStatusRow() {
    }

    /**
     * @param messageId the command's message id
     */
    public CommandStatusRow(String messageId) {
        this.messageId = messageId;
    }

    /** @return the command's message id */
    public String getMessageId() {
        return messageId;
    }

    /** @return the state's name */
    public String getState() {
        return state;
    }

    /** @return the command's type alias */
    public String getTypeAlias() {
        return typeAlias;
    }

    /** @return the entity id, or null */
    public String getEntityId() {
        return entityId;
    }

    /** @return the sequence number once applied, else 0 */
    public long getSequenceNo() {
        return sequenceNo;
    }

    /** @return why it was rejected or parked, or null */
    public String getProblem() {
        return problem;
    }

    /** @return when the state was recorded */
    public OffsetDateTime getRecordedOn() {
        return recordedOn;
    }

    /**
     * Replaces the status.
     *
     * @param state the state's name
     * @param typeAlias the command's type alias
     * @param entityId the entity id, or null
     * @param sequenceNo the sequence number, or 0
     * @param problem why it was rejected or parked, or null
     * @param recordedOn when
     */
    public void set(String state, String typeAlias, String entityId, long sequenceNo, String problem, OffsetDateTime recordedOn) {
        this.state = state;
        this.typeAlias = typeAlias;
        this.entityId = entityId;
        this.sequenceNo = sequenceNo;
        this.problem = problem;
        this.recordedOn = recordedOn;
    }
}
