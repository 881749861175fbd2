package io.sourceflow.jpa;

import io.sourceflow.Command;
import io.sourceflow.ConcurrencyException;
import io.sourceflow.Envelope;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A benchmark prototype, not the library: {@link JpaCommandStore} with the log's row written by plain
 * JDBC on the transaction's connection (the one the persistence context uses, from
 * {@code EntityManager.unwrap(Connection.class)}) instead of through the persistence context, on
 * PostgreSQL only: the same claim statement ({@link PostgresClaims#CLAIM_SQL}), the same fallback
 * under the lock, the same remembered numbers. It measures what the log costs when EclipseLink does
 * not see it (issue 15, item 4). Reads are the library's.
 */
@ApplicationScoped
@Alternative
@Priority(JpaStores.PRIORITY + 1)
public class PlainJdbcCommandStore extends JpaCommandStore {

    private static final String INSERT_SQL = "INSERT INTO sourceflow_command (entity_type, entity_id, sequence_no, type_alias,"
            + " type_revision, payload, metadata, is_new, occurred_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String LAST_SQL = "SELECT MAX(sequence_no) FROM sourceflow_command"
            + " WHERE entity_type = ? AND entity_id = ? AND sequence_no > ?";

    private final SequenceNumbers sequences = new SequenceNumbers();

    @Override
    public long append(Envelope<? extends Command> envelope) {
        String entityType = Objects.requireNonNull(envelope.metadata().entityType(), "the metadata's entity type");
        String entityId = envelope.message().entity().id();
        String entity = entityType + '\u0000' + entityId;
        TransactionSynchronizationRegistry tx = Objects.requireNonNull(context.activeTransaction(), "a JTA transaction");
        Connection connection = TransactionConnections.of(context, tx);
        long last = sequences.claimedLast(tx, entity);
        try {
            long sequenceNo;
            if (last >= 0) {
                sequenceNo = last + 1;
                write(connection, false, row(envelope, entityType, entityId, sequenceNo));
            } else {
                sequenceNo = claim(connection, envelope, entityType, entityId, sequences.committedAtLeast(entity) + 1);
            }
            sequences.claimed(tx, entity, sequenceNo);
            return sequenceNo;
        } catch (SQLException e) {
            throw new ConcurrencyException("Cannot log " + envelope.describe() + ": " + e.getMessage(), e);
        }
    }

    private long claim(Connection connection, Envelope<? extends Command> envelope, String entityType, String entityId,
            long expected) throws SQLException {
        long next = expected;
        for (int attempt = 1; write(connection, true, row(envelope, entityType, entityId, next)) == 0; attempt++) {
            if (attempt == CLAIM_ATTEMPTS) {
                throw new ConcurrencyException("Sequence number " + next + " was taken " + CLAIM_ATTEMPTS + " times for "
                        + envelope.describe());
            }
            try (PreparedStatement last = connection.prepareStatement(LAST_SQL)) {
                last.setString(1, entityType);
                last.setString(2, entityId);
                last.setLong(3, next);
                try (ResultSet rows = last.executeQuery()) {
                    rows.next();
                    long found = rows.getLong(1);
                    next = rows.wasNull() ? next : found + 1;
                }
            }
        }
        return next;
    }

    /** Inserts the library's row for the command, as a claim (locking the entity, nothing when the number is taken) or plainly. */
    private int write(Connection connection, boolean claim, CommandRow row) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(claim ? PostgresClaims.CLAIM_SQL : INSERT_SQL)) {
            insert.setString(1, row.getEntityType());
            insert.setString(2, row.getEntityId());
            insert.setLong(3, row.getSequenceNo());
            insert.setString(4, row.getTypeAlias());
            insert.setInt(5, row.getTypeRevision());
            insert.setString(6, row.getPayload());
            insert.setString(7, row.getMetadata());
            insert.setBoolean(8, row.isNew());
            insert.setObject(9, row.getOccurredOn());
            if (claim) {
                insert.setInt(10, PostgresClaims.LOCK_SPACE);
                insert.setInt(11, PostgresClaims.key(row.getEntityType(), row.getEntityId()));
            }
            return insert.executeUpdate();
        }
    }
}
