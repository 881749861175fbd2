package io.sourceflow.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;

/**
 * A saga entity or view model that is not a JPA entity, kept as JSON in
 * {@code sourceflow_document} under its type name and id, with the revision of its type's JSON form
 * ({@link io.sourceflow.DocumentType}) and a version for optimistic locking.
 */
@Entity
@Table(name = "sourceflow_document")
@IdClass(DocumentRow.Key.class)
public class DocumentRow {

    @Id
    @Column(name = "type_name", length = 255, nullable = false, updatable = false)
    private String typeName;

    @Id
    @Column(name = "id", length = 255, nullable = false, updatable = false)
    private String id;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "type_revision", nullable = false)
    private int typeRevision;

    @Lob
    @JdbcTypeCode(JsonColumns.HIBERNATE_TYPE)
    @Column(name = "body", length = JsonColumns.LENGTH, nullable = false)
    private String body;

    /** For JPA. */
    protected DocumentRow() {
    }

    DocumentRow(String typeName, String id, int typeRevision, String body) {
        this.typeName = typeName;
        this.id = id;
        this.typeRevision = typeRevision;
        this.body = body;
    }

    /**
     * The revision of the type's JSON form the body was written at.
     *
     * @return the revision, as in {@link io.sourceflow.DocumentType#revision()}
     */
    public int getTypeRevision() {
        return typeRevision;
    }

    /**
     * The stored type's name: its {@link io.sourceflow.DocumentType} value or its class name.
     *
     * @return the type name
     */
    public String getTypeName() {
        return typeName;
    }

    /**
     * The object's id.
     *
     * @return the id
     */
    public String getId() {
        return id;
    }

    /**
     * The optimistic-locking version, incremented by every update.
     *
     * @return the version
     */
    public long getVersion() {
        return version;
    }

    /**
     * The object as JSON.
     *
     * @return the body
     */
    public String getBody() {
        return body;
    }

    void setBody(int typeRevision, String body) {
        this.typeRevision = typeRevision;
        this.body = body;
    }

    /** The primary key of a {@link DocumentRow}. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String typeName;
        private String id;

        /** For JPA. */
        public Key() {
        }

        /**
         * @param typeName the stored type's name
         * @param id the object's id
         */
        public Key(String typeName, String id) {
            this.typeName = typeName;
            this.id = id;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(typeName, k.typeName) && Objects.equals(id, k.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(typeName, id);
        }
    }
}
