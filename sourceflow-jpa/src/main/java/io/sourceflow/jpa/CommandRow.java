package io.sourceflow.jpa;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.LockModeType;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;

/**
 * One row of the command log ({@code sourceflow_command}): a command of one entity (its type's name
 * and its id) under its sequence number. The primary key {@code (entity_type, entity_id, sequence_no)}
 * is the guard that lets only one writer claim a sequence number. Rows written before entity types
 * were logged carry the empty type until the store adopts them ({@link UntypedCommands}).
 *
 * <p>Every read of one entity's log (its lock, its last number, its commands in order) is a range of
 * an index that leads with the entity. The shipped DDL's primary key is that index. A schema the
 * provider generates from this mapping gets it as {@code sourceflow_command_entity}: EclipseLink
 * orders the generated primary key {@code (sequence_no, entity_id)}, where an entity's rows are
 * scattered over the whole index (measured on PostgreSQL: the last-number read scanned the log's
 * tail, 144 ms at 200,000 rows).
 *
 * <p>Not kept in the provider's shared cache: rows are only ever written, and read back as plain
 * values ({@link CommandPages}), never by key, so caching each new row would only cost a merge per
 * command and a cache that grows with the log (EclipseLink's weak identity map, whose periodic
 * clean-up runs under a lock that eight callers were seen waiting for).
 */
@Entity
@Cacheable(false)
@Table(name = "sourceflow_command", indexes = @Index(name = "sourceflow_command_entity",
        columnList = "entity_type, entity_id, sequence_no", unique = true))
@IdClass(CommandRow.Key.class)
@NamedQuery(name = CommandRow.LOCK, lockMode = LockModeType.PESSIMISTIC_WRITE,
        query = "SELECT c.sequenceNo FROM CommandRow c WHERE c.entityType = :entityType AND c.entityId = :entityId"
                + " AND c.sequenceNo = 1")
@NamedQuery(name = CommandRow.LOCK_BY_HINT, hints = @QueryHint(name = "eclipselink.pessimistic-lock", value = "Lock"),
        query = "SELECT c.sequenceNo FROM CommandRow c WHERE c.entityType = :entityType AND c.entityId = :entityId"
                + " AND c.sequenceNo = 1")
@NamedNativeQuery(name = PostgresClaims.CLAIM, query = PostgresClaims.CLAIM_SQL)
@NamedNativeQuery(name = PostgresClaims.LOCK, query = PostgresClaims.LOCK_SQL)
@NamedQuery(name = CommandRow.FIRST_LOGGED,
        query = "SELECT c.occurredOn FROM CommandRow c WHERE c.entityType = :entityType AND c.entityId = :entityId"
                + " AND c.sequenceNo = 1")
@NamedQuery(name = CommandRow.LAST_AFTER,
        query = "SELECT MAX(c.sequenceNo) FROM CommandRow c WHERE c.entityType = :entityType AND c.entityId = :entityId"
                + " AND c.sequenceNo > :after")
public class CommandRow {

    /**
     * Locks an entity: its first row, for update (parameters {@code entityType}, {@code entityId}). Named, so that the
     * provider prepares the locking query once rather than on every use.
     */
    static final String LOCK = "sourceflow.CommandRow.lock";
    /**
     * {@link #LOCK} for EclipseLink: the lock is its query hint, so the query is prepared once with it. EclipseLink
     * applies a named query's {@code lockMode} to a copy of the query on every use and prepares the copy again (a
     * tenth of the CPU of a command); Hibernate ignores the hint, so it runs {@link #LOCK}.
     */
    static final String LOCK_BY_HINT = "sourceflow.CommandRow.lockByHint";
    /**
     * The entity's last sequence number after a known one, null when there is none after it
     * (parameters {@code entityType}, {@code entityId}, {@code after}): reads only the rows after {@code after}.
     */
    static final String LAST_AFTER = "sourceflow.CommandRow.lastAfter";
    /** When the entity's first row was appended (parameters {@code entityType}, {@code entityId}). */
    static final String FIRST_LOGGED = "sourceflow.CommandRow.firstLogged";

    @Id
    @Column(name = "entity_type", length = 255, nullable = false, updatable = false)
    private String entityType;

    @Id
    @Column(name = "entity_id", length = 255, nullable = false, updatable = false)
    private String entityId;

    @Id
    @Column(name = "sequence_no", nullable = false, updatable = false)
    private long sequenceNo;

    @Column(name = "type_alias", length = 255, nullable = false, updatable = false)
    private String typeAlias;

    @Column(name = "type_revision", nullable = false, updatable = false)
    private int typeRevision;

    @Lob
    @JdbcTypeCode(JsonColumns.HIBERNATE_TYPE)
    @Column(name = "payload", length = JsonColumns.LENGTH, nullable = false, updatable = false)
    private String payload;

    @Lob
    @JdbcTypeCode(JsonColumns.HIBERNATE_TYPE)
    @Column(name = "metadata", length = JsonColumns.LENGTH, nullable = false, updatable = false)
    private String metadata;

    @Column(name = "is_new", nullable = false, updatable = false)
    private boolean isNew;

    @Column(name = "occurred_on", nullable = false, updatable = false)
    private OffsetDateTime occurredOn;

    /** For JPA. */
    protected CommandRow() {
    }

    CommandRow(String entityType, String entityId, long sequenceNo, String typeAlias, int typeRevision, String payload,
            String metadata, boolean isNew, OffsetDateTime occurredOn) {
        this.entityType = entityType;
        this.entityId = entityId;
        this.sequenceNo = sequenceNo;
        this.typeAlias = typeAlias;
        this.typeRevision = typeRevision;
        this.payload = payload;
        this.metadata = metadata;
        this.isNew = isNew;
        this.occurredOn = occurredOn;
    }

    /**
     * The type of the entity the command targets.
     *
     * @return the type's name, as in {@link io.sourceflow.EntityType}; empty for a row not yet adopted
     */
    public String getEntityType() {
        return entityType;
    }

    /**
     * The entity the command targets.
     *
     * @return its id
     */
    public String getEntityId() {
        return entityId;
    }

    /**
     * The command's position in its entity's log.
     *
     * @return the sequence number, from 1
     */
    public long getSequenceNo() {
        return sequenceNo;
    }

    /**
     * The command type's alias.
     *
     * @return the alias, as in {@link io.sourceflow.MessageType}
     */
    public String getTypeAlias() {
        return typeAlias;
    }

    /**
     * The revision of the command type the payload was written at.
     *
     * @return the revision, as in {@link io.sourceflow.MessageType#revision()}
     */
    public int getTypeRevision() {
        return typeRevision;
    }

    /**
     * The command as JSON.
     *
     * @return the payload
     */
    public String getPayload() {
        return payload;
    }

    /**
     * The command's metadata as JSON.
     *
     * @return the metadata
     */
    public String getMetadata() {
        return metadata;
    }

    /**
     * Whether the command created its entity.
     *
     * @return the command's {@code EntityRef.isNew()}
     */
    public boolean isNew() {
        return isNew;
    }

    /**
     * When the command was appended to the log, by the appending server's clock (when it was made is
     * its metadata's {@code occurredOn}; rows written before this release hold that).
     *
     * @return the time, in UTC
     */
    public OffsetDateTime getOccurredOn() {
        return occurredOn;
    }

    /** The primary key of a {@link CommandRow}. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String entityType;
        private String entityId;
        private long sequenceNo;

        /** For JPA. */
        public Key() {
        }

        /**
         * @param entityType the entity type's name
         * @param entityId the entity id
         * @param sequenceNo the sequence number
         */
        public Key(String entityType, String entityId, long sequenceNo) {
            this.entityType = entityType;
            this.entityId = entityId;
            this.sequenceNo = sequenceNo;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && sequenceNo == k.sequenceNo && Objects.equals(entityId, k.entityId)
                    && Objects.equals(entityType, k.entityType);
        }

        @Override
        public int hashCode() {
            return Objects.hash(entityType, entityId, sequenceNo);
        }
    }
}
