package io.sourceflow.benchmarks.scaling;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The server's PostgreSQL database, read by plain JDBC: the baseline's tables and the counts of logged commands. */
final class ScalingDatabase implements AutoCloseable {

    private final Connection connection;

    private ScalingDatabase(Connection connection) {
        this.connection = connection;
    }

    static ScalingDatabase fromSystemProperties() throws SQLException {
        return new ScalingDatabase(DriverManager.getConnection(System.getProperty("scaling.jdbc"),
                System.getProperty("scaling.jdbc.user"), System.getProperty("scaling.jdbc.password")));
    }

    void createBaselineTables() throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS bench_inbox (message_id VARCHAR(36) PRIMARY KEY)");
            ddl.execute("CREATE TABLE IF NOT EXISTS bench_account (id VARCHAR(255) PRIMARY KEY, name VARCHAR(200),"
                    + " balance NUMERIC(19,2), sequence_no BIGINT)");
            ddl.execute("CREATE TABLE IF NOT EXISTS bench_view (id VARCHAR(255) PRIMARY KEY, balance NUMERIC(19,2),"
                    + " sequence_no BIGINT, transaction_count INT)");
            ddl.execute("CREATE TABLE IF NOT EXISTS bench_log (entity_id VARCHAR(255), sequence_no BIGINT, type_alias VARCHAR(255),"
                    + " body TEXT, PRIMARY KEY (entity_id, sequence_no))");
            ddl.execute("CREATE TABLE IF NOT EXISTS bench_status (message_id VARCHAR(36) PRIMARY KEY, state VARCHAR(16),"
                    + " sequence_no BIGINT, recorded_on TIMESTAMP WITH TIME ZONE)");
        }
    }

    /** How many commands of this run's accounts the variant has logged. */
    long logged(Variant variant, String run) {
        try (PreparedStatement count = connection.prepareStatement(variant.countSql())) {
            count.setString(1, run + "-%");
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count " + variant + "'s log", e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
