package io.sourceflow.twoservers.it;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the two servers' databases directly: A's command log, entities and dead letters, B's views and log. */
final class Databases {

    private Databases() {
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

    /**
     * An account as A's entity or B's view holds it.
     *
     * @param id the account id
     * @param name the holder
     * @param balance the balance
     * @param closed whether closed
     */
    record Account(String id, String name, BigDecimal balance, boolean closed) {
    }

    static List<Logged> logOnA(String entityId) {
        return log(System.getProperty("two.jdbc.a"), entityId);
    }

    static List<Logged> logOnB(String entityId) {
        return log(System.getProperty("two.jdbc.b"), entityId);
    }

    private static List<Logged> log(String url, String entityId) {
        return query(url, "SELECT sequence_no, type_alias, metadata::json->>'messageId' FROM sourceflow_command"
                + " WHERE entity_id = ? ORDER BY sequence_no", entityId, rs -> new Logged(rs.getLong(1), rs.getString(2),
                rs.getString(3)));
    }

    static Optional<Account> entityOnA(String id) {
        return query(System.getProperty("two.jdbc.a"), "SELECT id, accountname, balance, closed FROM sample_bank_account"
                + " WHERE id = ?", id, Databases::account).stream().findFirst();
    }

    static Optional<Account> viewOnB(String id) {
        return query(System.getProperty("two.jdbc.b"), "SELECT id, accountname, currentbalance, closed"
                + " FROM sample_account_view WHERE id = ?", id, Databases::account).stream().findFirst();
    }

    /** The last sequence number B's view has seen for an account, or -1. */
    static long viewSequenceOnB(String id) {
        return query(System.getProperty("two.jdbc.b"), "SELECT lastsequenceno FROM sample_account_view WHERE id = ?", id,
                rs -> rs.getLong(1)).stream().findFirst().orElse(-1L);
    }

    /** The ids of A's dead letters whose parked message carried this text in its body. */
    static List<String> deadLettersOnA(String bodyPart) {
        return query(System.getProperty("two.jdbc.a"), "SELECT id FROM sourceflow_dead_letter WHERE body LIKE ?"
                + " ORDER BY dead_lettered_on", "%" + bodyPart + "%", rs -> rs.getString(1));
    }

    /** The ids of B's dead letters whose parked message carried this text in its body. */
    static List<String> deadLettersOnB(String bodyPart) {
        return query(System.getProperty("two.jdbc.b"), "SELECT id FROM sourceflow_dead_letter WHERE body LIKE ?"
                + " ORDER BY dead_lettered_on", "%" + bodyPart + "%", rs -> rs.getString(1));
    }

    /** Runs one statement on A's database, each {@code ?} bound to the next parameter. */
    static void updateOnA(String sql, String... parameters) {
        try (Connection connection = DriverManager.getConnection(System.getProperty("two.jdbc.a"), System.getProperty("two.jdbc.user"),
                System.getProperty("two.jdbc.password"));
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** How many rows of one of A's tables have this value in this column. */
    static long countOnA(String table, String column, String value) {
        return query(System.getProperty("two.jdbc.a"), "SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", value,
                rs -> rs.getLong(1)).get(0);
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getString(1), rs.getString(2), rs.getBigDecimal(3).stripTrailingZeros(), rs.getBoolean(4));
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> query(String url, String sql, String parameter, Row<T> row) {
        try (Connection connection = DriverManager.getConnection(url, System.getProperty("two.jdbc.user"),
                System.getProperty("two.jdbc.password"));
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
