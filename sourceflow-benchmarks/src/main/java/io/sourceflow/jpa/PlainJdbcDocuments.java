package io.sourceflow.jpa;

import io.sourceflow.ConcurrencyException;
import io.sourceflow.spi.DocumentTypes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A benchmark prototype, not the library: JSON documents in {@code sourceflow_document} read and
 * written by plain JDBC on the transaction's connection, inside a JTA transaction. A transaction's
 * first read of a document is a {@code SELECT}, unless {@code cached} and a committed copy is known
 * (as EclipseLink's shared cache serves the library's view models); a write is an {@code UPDATE}
 * checked against the version read, or an {@code INSERT}. A failed check forgets the committed copy
 * and is a {@link ConcurrencyException}, which the bus retries. Documents of an older revision are
 * refused (the prototype does not upcast).
 */
final class PlainJdbcDocuments {

    private static final String SELECT = "SELECT type_revision, body, version FROM sourceflow_document WHERE type_name = ? AND id = ?";
    private static final String UPDATE = "UPDATE sourceflow_document SET type_revision = ?, body = ?, version = ?"
            + " WHERE type_name = ? AND id = ? AND version = ?";
    private static final String INSERT = "INSERT INTO sourceflow_document (type_name, id, type_revision, body, version)"
            + " VALUES (?, ?, ?, ?, 1)";

    private final JpaContext context;
    private final boolean cached;
    private final Object resource = new Object();
    private final Map<List<Object>, Known> committed = new ConcurrentHashMap<>();

    /** A document as a transaction knows it: absent (version 0) or at a version. */
    private record Known(long version, int revision, String body) {
    }

    /** What one transaction read and wrote, published to the committed copies when it commits. */
    private final class Touched extends HashMap<List<Object>, Known> implements Synchronization {
        private static final long serialVersionUID = 1L;

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (cached && status == Status.STATUS_COMMITTED) {
                committed.putAll(this);
            }
        }
    }

    PlainJdbcDocuments(JpaContext context, boolean cached) {
        this.context = context;
        this.cached = cached;
    }

    /**
     * The document's JSON at its type's current revision, as the transaction sees it.
     *
     * @param tx the active transaction
     * @param type the document's class
     * @param id its id
     * @return its JSON, empty when there is none
     */
    Optional<String> find(TransactionSynchronizationRegistry tx, Class<?> type, String id) {
        Known known = known(tx, type, id);
        if (known.version == 0) {
            return Optional.empty();
        }
        if (known.revision != DocumentTypes.revision(type)) {
            throw new UnsupportedOperationException("The prototype does not upcast " + type.getName());
        }
        return Optional.of(known.body);
    }

    /**
     * Writes the document's JSON unless it is unchanged.
     *
     * @param tx the active transaction
     * @param type the document's class
     * @param id its id
     * @param body its JSON
     */
    void persist(TransactionSynchronizationRegistry tx, Class<?> type, String id, String body) {
        List<Object> key = List.of(type, id);
        Known known = known(tx, type, id);
        int revision = DocumentTypes.revision(type);
        if (known.version != 0 && body.equals(known.body) && revision == known.revision) {
            return;
        }
        String name = DocumentTypes.name(type);
        try (PreparedStatement write = TransactionConnections.of(context, tx).prepareStatement(known.version == 0 ? INSERT : UPDATE)) {
            if (known.version == 0) {
                write.setString(1, name);
                write.setString(2, id);
                write.setInt(3, revision);
                write.setString(4, body);
            } else {
                write.setInt(1, revision);
                write.setString(2, body);
                write.setLong(3, known.version + 1);
                write.setString(4, name);
                write.setString(5, id);
                write.setLong(6, known.version);
            }
            if (write.executeUpdate() != 1) {
                committed.remove(key);
                throw new ConcurrencyException("The document of " + type.getName() + " changed since version " + known.version);
            }
        } catch (SQLException e) {
            committed.remove(key);
            throw new ConcurrencyException("Cannot write the document of " + type.getName() + ": " + e.getMessage(), e);
        }
        touched(tx).put(key, new Known(known.version + 1, revision, body));
    }

    private Known known(TransactionSynchronizationRegistry tx, Class<?> type, String id) {
        Touched touched = touched(tx);
        List<Object> key = List.of(type, id);
        Known known = touched.get(key);
        if (known == null) {
            known = cached ? committed.get(key) : null;
            if (known == null) {
                known = read(tx, DocumentTypes.name(type), id);
            }
            touched.put(key, known);
        }
        return known;
    }

    private Touched touched(TransactionSynchronizationRegistry tx) {
        Touched touched = (Touched) tx.getResource(resource);
        if (touched == null) {
            touched = new Touched();
            tx.putResource(resource, touched);
            tx.registerInterposedSynchronization(touched);
        }
        return touched;
    }

    private Known read(TransactionSynchronizationRegistry tx, String name, String id) {
        try (PreparedStatement select = TransactionConnections.of(context, tx).prepareStatement(SELECT)) {
            select.setString(1, name);
            select.setString(2, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Known(row.getLong(3), row.getInt(1), Objects.requireNonNull(row.getString(2)))
                        : new Known(0, 0, null);
            }
        } catch (SQLException e) {
            throw new ConcurrencyException("Cannot read the document '" + id + "' of " + name + ": " + e.getMessage(), e);
        }
    }
}
