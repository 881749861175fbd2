package io.sourceflow.artemis.it;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * Holds a server's transaction inside its database commit, so that the test can kill the server
 * exactly there. A deferred trigger on the command log waits, for the gated entities, on an advisory
 * lock the gate holds; PostgreSQL fires deferred triggers inside {@code COMMIT} and inside
 * {@code PREPARE TRANSACTION}, so the server's commit (or, under XA, its prepare) blocks until the
 * gate opens. The backend finishes that statement when the gate opens, whether its client still
 * lives or not.
 */
final class CrashGate implements AutoCloseable {

    private static final long LOCK = 4242;

    private final Connection holder;

    private CrashGate(Connection holder) {
        this.holder = holder;
    }

    /** Installs the trigger (for entity ids starting with {@code crash-}) and closes the gate. */
    static CrashGate install() throws SQLException {
        Connection holder = connect();
        try (Statement s = holder.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS crash_gate (entity_id VARCHAR(255) PRIMARY KEY)");
            s.execute("CREATE OR REPLACE FUNCTION crash_gate_wait() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                    + " IF EXISTS (SELECT 1 FROM crash_gate WHERE entity_id = NEW.entity_id) THEN"
                    + " PERFORM pg_advisory_xact_lock(" + LOCK + "); END IF; RETURN NULL; END $$");
            s.execute("DROP TRIGGER IF EXISTS crash_gate_wait ON sourceflow_command");
            s.execute("CREATE CONSTRAINT TRIGGER crash_gate_wait AFTER INSERT ON sourceflow_command DEFERRABLE INITIALLY DEFERRED"
                    + " FOR EACH ROW WHEN (NEW.entity_id LIKE 'crash-%') EXECUTE FUNCTION crash_gate_wait()");
            s.execute("SELECT pg_advisory_lock(" + LOCK + ")");
        } catch (SQLException e) {
            holder.close();
            throw e;
        }
        return new CrashGate(holder);
    }

    /** Holds the next commits that log a command of this entity. */
    void hold(String entityId) throws SQLException {
        update("INSERT INTO crash_gate (entity_id) VALUES (?)", entityId);
    }

    /** Lets this entity's commits through again (those already waiting still wait for {@link #open}). */
    void release(String entityId) throws SQLException {
        update("DELETE FROM crash_gate WHERE entity_id = ?", entityId);
    }

    /**
     * Waits until a server's statement waits at the gate.
     *
     * @return that statement: {@code COMMIT}, or {@code PREPARE TRANSACTION '…'} under XA
     */
    String awaitHeld() {
        return await("a commit held at the gate").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(this::held, Optional::isPresent).orElseThrow();
    }

    /** Opens the gate: the held statement goes on. */
    void open() throws SQLException {
        try (Statement s = holder.createStatement()) {
            s.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
        }
        await("the held statement finished").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> held().isEmpty());
    }

    /** Transactions prepared in the database and not yet committed or rolled back. */
    static int preparedTransactions() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Removes the trigger and closes the connection (the gate opens with it). */
    @Override
    public void close() throws SQLException {
        try (Statement s = holder.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS crash_gate_wait ON sourceflow_command");
            s.execute("DROP TABLE IF EXISTS crash_gate");
        } finally {
            holder.close();
        }
    }

    private Optional<String> held() throws SQLException {
        try (PreparedStatement s = holder.prepareStatement("SELECT query FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND wait_event = 'advisory' AND datname = current_database() AND pid <> pg_backend_pid()");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    private void update(String sql, String entityId) throws SQLException {
        try (PreparedStatement s = holder.prepareStatement(sql)) {
            s.setString(1, entityId);
            s.executeUpdate();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("art.jdbc"), System.getProperty("art.jdbc.user"),
                System.getProperty("art.jdbc.password"));
    }
}
