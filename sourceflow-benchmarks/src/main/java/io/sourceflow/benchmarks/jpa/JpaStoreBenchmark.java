package io.sourceflow.benchmarks.jpa;

import io.sourceflow.Metadata;
import io.sourceflow.cdi.bank.BankAccount;
import jakarta.transaction.TransactionManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One deposit per transaction on PostgreSQL through the JPA stores (sequence claim, log insert,
 * entity update, view update, JTA commit) beside raw JDBC making the same three writes per
 * transaction on the same data source, twice: {@link #rawJdbcJta} the way application code in a
 * server does it (a JTA transaction, the connection enlisted by the JTA data source: the same path
 * SourceFlow takes) and {@link #rawJdbc} on a connection of its own in a local transaction (no JTA
 * at all; with {@code -p transactions=XA} also one round trip fewer than the JTA paths, since the
 * XA driver opens each branch with its own {@code BEGIN}); {@link #rawJdbcLocked} is {@code rawJdbc}
 * after locking and reading the entity's row, as SourceFlow locks the entity; {@link #axon} is the peer, Axon
 * Framework 4's JDBC event store ({@link AxonBank}). Each caller has its own account, so
 * there are no conflicts. Run with {@code -t 1} and {@code -t 8}; on a machine shared with other
 * work, {@link JpaStoreAlternation} runs the same paths in turns for ratios that see the
 * same load.
 *
 * <p>The warm-up is long on purpose: SourceFlow's path runs through several thousand methods (CDI
 * proxies and interceptors, the JTA coordinator, EclipseLink, JSON-B) and, with eight callers on
 * two cores, the JIT needs 40 to 60 seconds to compile it (raw JDBC: about ten); a 10-second
 * warm-up measures SourceFlow half-interpreted.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 12, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-DObjectStoreEnvironmentBean.objectStoreDir=target/narayana",
    "-Dcom.arjuna.ats.arjuna.objectstore.objectStoreDir=target/narayana"})
public class JpaStoreBenchmark {

    /** A caller of the JPA stores, with its own account. */
    @State(Scope.Thread)
    public static class JpaCaller {
        String id;

        /**
         * Opens the caller's account.
         *
         * @param bank the database
         */
        @Setup(Level.Trial)
        public void open(PostgresBank bank) {
            id = "jpa-" + bank.callers.incrementAndGet();
            bank.accounts.open(id, "J", BigDecimal.ZERO);
        }
    }

    /** A raw JDBC caller, with its own connection, statements and rows. */
    @State(Scope.Thread)
    public static class JdbcCaller {
        String id;
        Connection connection;
        PreparedStatement insert;
        PreparedStatement updateEntity;
        PreparedStatement updateView;
        PreparedStatement lock;
        long version = 1;
        long balance;

        /**
         * Inserts the caller's entity and view rows and prepares the statements.
         *
         * @param bank the database
         * @throws SQLException when the database fails
         */
        @Setup(Level.Trial)
        public void open(PostgresBank bank) throws SQLException {
            id = "jdbc-" + bank.callers.incrementAndGet();
            connection = bank.db.connect();
            connection.setAutoCommit(false);
            try (PreparedStatement document = connection.prepareStatement(
                    "INSERT INTO sourceflow_document (type_name, id, version, body) VALUES (?, ?, 1, ?)");
                    PreparedStatement view = connection.prepareStatement("INSERT INTO bank_account_summary"
                            + " (id, account_name, balance, transaction_count, closed, version) VALUES (?, 'J', 0, 0, false, 1)")) {
                document.setString(1, BankAccount.class.getName());
                document.setString(2, id);
                document.setString(3, body(0));
                document.executeUpdate();
                view.setString(1, id);
                view.executeUpdate();
            }
            connection.commit();
            insert = connection.prepareStatement(JtaCaller.INSERT);
            updateEntity = connection.prepareStatement("UPDATE sourceflow_document SET body = ?, version = ?"
                    + " WHERE type_name = ? AND id = ? AND version = ?");
            updateView = connection.prepareStatement("UPDATE bank_account_summary SET balance = ?, transaction_count = ?,"
                    + " version = ? WHERE id = ? AND version = ?");
            lock = connection.prepareStatement("SELECT body, version FROM sourceflow_document WHERE type_name = ? AND id = ?"
                    + " FOR UPDATE");
            lock.setString(1, BankAccount.class.getName());
            lock.setString(2, id);
        }

        String body(long amount) {
            return body(id, amount);
        }

        static String body(String id, long amount) {
            return "{\"accountName\":\"J\",\"balance\":" + amount + ",\"closed\":false,\"id\":\"" + id + "\"}";
        }

        /**
         * Gives the connection back.
         *
         * @throws SQLException when the database fails
         */
        @TearDown(Level.Trial)
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** A raw JDBC caller in JTA transactions: its rows, and the statements it prepares per transaction. */
    @State(Scope.Thread)
    public static class JtaCaller {
        static final String INSERT = "INSERT INTO sourceflow_command (entity_type, entity_id, sequence_no, type_alias,"
                + " payload, metadata, is_new, occurred_on) VALUES ('BankAccount', ?, (SELECT COALESCE(MAX(sequence_no), 0) + 1"
                + " FROM sourceflow_command WHERE entity_type = 'BankAccount' AND entity_id = ?), ?, ?, ?, false, ?)";
        static final String UPDATE_ENTITY = "UPDATE sourceflow_document SET body = ?, version = ?"
                + " WHERE type_name = ? AND id = ? AND version = ?";
        static final String UPDATE_VIEW = "UPDATE bank_account_summary SET balance = ?, transaction_count = ?,"
                + " version = ? WHERE id = ? AND version = ?";

        String id;
        TransactionManager tm;
        long version = 1;
        long balance;

        /**
         * Inserts the caller's entity and view rows.
         *
         * @param bank the database
         * @throws SQLException when the database fails
         */
        @Setup(Level.Trial)
        public void open(PostgresBank bank) throws SQLException {
            id = "jta-" + bank.callers.incrementAndGet();
            tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
            try (Connection connection = bank.db.connect();
                    PreparedStatement document = connection.prepareStatement(
                    "INSERT INTO sourceflow_document (type_name, id, version, body) VALUES (?, ?, 1, ?)");
                    PreparedStatement view = connection.prepareStatement("INSERT INTO bank_account_summary"
                            + " (id, account_name, balance, transaction_count, closed, version) VALUES (?, 'J', 0, 0, false, 1)")) {
                document.setString(1, BankAccount.class.getName());
                document.setString(2, id);
                document.setString(3, JdbcCaller.body(id, 0));
                document.executeUpdate();
                view.setString(1, id);
                view.executeUpdate();
            }
        }
    }

    /**
     * A deposit through the bus and the JPA stores.
     *
     * @param bank the database
     * @param caller the caller
     * @return the logged metadata
     */
    @Benchmark
    public Metadata sourceflow(PostgresBank bank, JpaCaller caller) {
        return bank.accounts.deposit(caller.id, BigDecimal.ONE);
    }

    /**
     * The same three writes with raw JDBC in one local transaction.
     *
     * @param caller the caller
     * @return the view's update count
     * @throws SQLException when the database fails
     */
    @Benchmark
    public int rawJdbc(JdbcCaller caller) throws SQLException {
        int updated = write(caller.id, caller.version, caller.balance + 1, caller.insert, caller.updateEntity,
                caller.updateView);
        caller.connection.commit();
        caller.balance++;
        caller.version++;
        return updated;
    }

    /**
     * The same three writes with raw JDBC in one local transaction, after locking the entity's row
     * and reading its state ({@code SELECT ... FOR UPDATE}), as hand-written code does so that
     * writers of one entity wait for each other: the version written is the one read.
     *
     * @param caller the caller
     * @return the view's update count
     * @throws SQLException when the database fails
     */
    @Benchmark
    public int rawJdbcLocked(JdbcCaller caller) throws SQLException {
        long version;
        try (ResultSet state = caller.lock.executeQuery()) {
            if (!state.next() || state.getString(1) == null) {
                throw new IllegalStateException("No entity row for " + caller.id);
            }
            version = state.getLong(2);
        }
        int updated = write(caller.id, version, caller.balance + 1, caller.insert, caller.updateEntity, caller.updateView);
        caller.connection.commit();
        caller.balance++;
        return updated;
    }

    /**
     * The same three writes with raw JDBC in a JTA transaction, on a connection from the JTA data
     * source that SourceFlow's persistence unit uses.
     *
     * @param bank the database
     * @param caller the caller
     * @return the view's update count
     * @throws Exception when the database or the transaction manager fails
     */
    @Benchmark
    public int rawJdbcJta(PostgresBank bank, JtaCaller caller) throws Exception {
        caller.tm.begin();
        int updated;
        try (Connection c = bank.db.dataSource().getConnection();
                PreparedStatement insert = c.prepareStatement(JtaCaller.INSERT);
                PreparedStatement updateEntity = c.prepareStatement(JtaCaller.UPDATE_ENTITY);
                PreparedStatement updateView = c.prepareStatement(JtaCaller.UPDATE_VIEW)) {
            updated = write(caller.id, caller.version, caller.balance + 1, insert, updateEntity, updateView);
        } catch (SQLException | RuntimeException e) {
            caller.tm.rollback();
            throw e;
        }
        caller.tm.commit();
        caller.balance++;
        caller.version++;
        return updated;
    }

    /**
     * A deposit through Axon Framework 4: the command, its event in Axon's JDBC event store and the
     * view row, in one unit of work.
     *
     * @param caller the caller
     */
    @Benchmark
    public void axon(AxonCaller caller) {
        caller.run();
    }

    private static int write(String id, long version, long balance, PreparedStatement insert,
            PreparedStatement updateEntity, PreparedStatement updateView) throws SQLException {
        long next = version + 1;
        UUID messageId = Metadata.newId();
        insert.setString(1, id);
        insert.setString(2, id);
        insert.setString(3, "bank.DepositMoney");
        insert.setString(4, "{\"amount\":1,\"entity\":{\"id\":\"" + id + "\",\"isNew\":false}}");
        insert.setString(5, "{\"correlationId\":\"" + messageId + "\",\"entityId\":\"" + id
                + "\",\"messageId\":\"" + messageId + "\",\"origin\":\"LOCAL\",\"properties\":{},\"replay\":false}");
        insert.setTimestamp(6, new Timestamp(System.currentTimeMillis()));
        insert.executeUpdate();
        updateEntity.setString(1, JdbcCaller.body(id, balance));
        updateEntity.setLong(2, next);
        updateEntity.setString(3, BankAccount.class.getName());
        updateEntity.setString(4, id);
        updateEntity.setLong(5, version);
        if (updateEntity.executeUpdate() != 1) {
            throw new IllegalStateException("The entity row of " + id + " is not at version " + version);
        }
        updateView.setBigDecimal(1, BigDecimal.valueOf(balance));
        updateView.setLong(2, balance);
        updateView.setLong(3, next);
        updateView.setString(4, id);
        updateView.setLong(5, version);
        int updated = updateView.executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("The view row of " + id + " is not at version " + version);
        }
        return updated;
    }
}
