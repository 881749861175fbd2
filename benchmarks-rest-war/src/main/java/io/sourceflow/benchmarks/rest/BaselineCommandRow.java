package io.sourceflow.benchmarks.rest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The hand-written baseline's command log ({@code baseline_command}): the same columns as
 * SourceFlow's log, written by {@link BaselineResource} with plain JPA.
 */
@Entity
@Table(name = "baseline_command")
@IdClass(BaselineCommandRow.Key.class)
public class BaselineCommandRow {

    @Id
    @Column(name = "entity_id", length = 255, nullable = false)
    private String entityId;

    @Id
    @Column(name = "sequence_no", nullable = false)
    private long sequenceNo;

    @Column(name = "type_alias", length = 255, nullable = false)
    private String typeAlias;

    @Lob
    @Column(name = "payload", nullable = false)
    private String payload;

    @Column(name = "occurred_on", nullable = false)
    private OffsetDateTime occurredOn;

    /** For JPA. */
    protected BaselineCommandRow() {
    }

    /**
     * A logged command.
     *
     * @param entityId the account
     * @param sequenceNo its number in the account's log
     * @param typeAlias the command's name
     * @param payload the command as JSON
     * @param occurredOn when it was handled
     */
    public BaselineCommandRow(String entityId, long sequenceNo, String typeAlias, String payload, OffsetDateTime occurredOn) {
        this.entityId = entityId;
        this.sequenceNo = sequenceNo;
        this.typeAlias = typeAlias;
        this.payload = payload;
        this.occurredOn = occurredOn;
    }

    /** The primary key: account and sequence number. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String entityId;
        private long sequenceNo;

        /** For JPA. */
        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.sequenceNo == sequenceNo && Objects.equals(k.entityId, entityId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(entityId, sequenceNo);
        }
    }
}
