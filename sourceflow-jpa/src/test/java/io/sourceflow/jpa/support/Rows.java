package io.sourceflow.jpa.support;

import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads and writes rows with plain JDBC, bypassing JPA, to check what the stores wrote. */
public final class Rows {

    private final TestDatabase db;

    /** @param db the database */
    public Rows(TestDatabase db) {
        this.db = db;
    }

    /**
     * Runs a query.
     *
     * @param sql the query, with {@code ?} parameters
     * @param parameters the parameters
     * @return the rows, each a list of column values
     */
    public List<List<Object>> query(String sql, Object... parameters) {
        try (Connection c = db.connect(); PreparedStatement s = prepare(c, sql, parameters); ResultSet rs = s.executeQuery()) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = text(rs.getObject(i + 1));
                }
                rows.add(Arrays.asList(row));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    /**
     * Runs an update.
     *
     * @param sql the statement, with {@code ?} parameters
     * @param parameters the parameters
     * @return the update count
     */
    public int update(String sql, Object... parameters) {
        try (Connection c = db.connect(); PreparedStatement s = prepare(c, sql, parameters)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Update failed: " + sql, e);
        }
    }

    /**
     * The single value of a one-row, one-column query.
     *
     * @param sql the query
     * @param parameters its parameters
     * @return the value
     */
    public Object value(String sql, Object... parameters) {
        List<List<Object>> rows = query(sql, parameters);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException("Expected one value from " + sql + ", got " + rows);
        }
        return rows.get(0).get(0);
    }

    /** A CLOB (H2 and Derby return them for the JSON columns) as its text, for comparisons. */
    private static Object text(Object value) throws SQLException {
        if (value instanceof Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } finally {
                clob.free();
            }
        }
        return value;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
        return s;
    }
}
