package io.sourceflow.benchmarks.jpa;

import io.sourceflow.Metadata;
import io.sourceflow.jpa.bank.BankAccount;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
 * entity update, view update, JTA commit) beside raw JDBC making the same three writes per local
 * transaction on the same data source. Each caller has its own account, so there are no conflicts.
 * Run with {@code -t 1} and {@code -t 8}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
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
            insert = connection.prepareStatement("INSERT INTO sourceflow_command (entity_id, sequence_no, type_alias,"
                    + " payload, metadata, is_new, occurred_on) VALUES (?, (SELECT COALESCE(MAX(sequence_no), 0) + 1"
                    + " FROM sourceflow_command WHERE entity_id = ?), ?, ?, ?, false, ?)");
            updateEntity = connection.prepareStatement("UPDATE sourceflow_document SET body = ?, version = ?"
                    + " WHERE type_name = ? AND id = ? AND version = ?");
            updateView = connection.prepareStatement("UPDATE bank_account_summary SET balance = ?, transaction_count = ?,"
                    + " version = ? WHERE id = ? AND version = ?");
        }

        String body(long amount) {
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
        caller.balance++;
        long next = caller.version + 1;
        UUID messageId = Metadata.newId();
        caller.insert.setString(1, caller.id);
        caller.insert.setString(2, caller.id);
        caller.insert.setString(3, "bank.DepositMoney");
        caller.insert.setString(4, "{\"amount\":1,\"entity\":{\"id\":\"" + caller.id + "\",\"isNew\":false}}");
        caller.insert.setString(5, "{\"correlationId\":\"" + messageId + "\",\"entityId\":\"" + caller.id
                + "\",\"messageId\":\"" + messageId + "\",\"origin\":\"LOCAL\",\"properties\":{},\"replay\":false}");
        caller.insert.setTimestamp(6, new Timestamp(System.currentTimeMillis()));
        caller.insert.executeUpdate();
        caller.updateEntity.setString(1, caller.body(caller.balance));
        caller.updateEntity.setLong(2, next);
        caller.updateEntity.setString(3, BankAccount.class.getName());
        caller.updateEntity.setString(4, caller.id);
        caller.updateEntity.setLong(5, caller.version);
        caller.updateEntity.executeUpdate();
        caller.updateView.setBigDecimal(1, BigDecimal.valueOf(caller.balance));
        caller.updateView.setLong(2, caller.balance);
        caller.updateView.setLong(3, next);
        caller.updateView.setString(4, caller.id);
        caller.updateView.setLong(5, caller.version);
        int updated = caller.updateView.executeUpdate();
        caller.connection.commit();
        caller.version = next;
        return updated;
    }
}
