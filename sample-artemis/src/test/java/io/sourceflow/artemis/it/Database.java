package io.sourceflow.artemis.it;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the server's database directly: command log, accounts, inbox, dead letters. */
final class Database {

    private Database() {
    }

    /**
     * One row of a command log.
     *
     * @param sequenceNo its sequence number
     * @param typeAlias the command's alias
     * @param messageId the command's message id
     */
    record Logged(long sequenceNo, String typeAlias, String messageId) {
    }

    static List<Logged> log(String entityId) {
        return query("SELECT sequence_no, type_alias, metadata::json->>'messageId' FROM sourceflow_command"
                + " WHERE entity_id = ? ORDER BY sequence_no", entityId, rs -> new Logged(rs.getLong(1), rs.getString(2),
                rs.getString(3)));
    }

    /**
     * One row of a command log with the amount of its payload (none for an opening).
     *
     * @param sequenceNo its sequence number
     * @param typeAlias the command's alias
     * @param amount the deposit's amount, or null
     */
    record Applied(long sequenceNo, String typeAlias, BigDecimal amount) {
    }

    /** The logs of the entities whose id is LIKE the pattern, each in sequence order. */
    static Map<String, List<Applied>> applied(String idPattern) {
        Map<String, List<Applied>> logs = new LinkedHashMap<>();
        query("SELECT entity_id, sequence_no, type_alias, payload::json->>'amount' FROM sourceflow_command"
                + " WHERE entity_id LIKE ? ORDER BY entity_id, sequence_no", idPattern, rs -> {
                    String amount = rs.getString(4);
                    logs.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Applied(rs.getLong(2), rs.getString(3),
                            amount == null ? null : new BigDecimal(amount).stripTrailingZeros()));
                    return null;
                });
        return logs;
    }

    /** How many commands the logs of the entities whose id is LIKE the pattern hold. */
    static long commandCount(String idPattern) {
        return query("SELECT count(*) FROM sourceflow_command WHERE entity_id LIKE ?", idPattern, rs -> rs.getLong(1)).get(0);
    }

    /** The entity's balance, if the account exists. */
    static Optional<BigDecimal> balance(String id) {
        return query("SELECT balance FROM sample_bank_account WHERE id = ?", id,
                rs -> rs.getBigDecimal(1)).stream().findFirst();
    }

    /** How many of the given consumer's inbox rows name this message id. */
    static int inboxRows(String messageId) {
        return query("SELECT count(*) FROM sourceflow_inbox WHERE message_id = ?", messageId, rs -> rs.getInt(1)).get(0);
    }

    /** Messages still kept in the outbox: sent by committed work and not sent yet. */
    static int outboxRows() {
        return query("SELECT count(*) FROM sourceflow_outbox WHERE cause <> ?", "", rs -> rs.getInt(1)).get(0);
    }

    /** The ids of dead letters whose parked message carried this text in its body. */
    static List<String> deadLetters(String bodyPart) {
        return query("SELECT id FROM sourceflow_dead_letter WHERE body LIKE ?", "%" + bodyPart + "%", rs -> rs.getString(1));
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> query(String sql, String parameter, Row<T> row) {
        try (Connection connection = DriverManager.getConnection(System.getProperty("art.jdbc"),
                System.getProperty("art.jdbc.user"), System.getProperty("art.jdbc.password"));
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
