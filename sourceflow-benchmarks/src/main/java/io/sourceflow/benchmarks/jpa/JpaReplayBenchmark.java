package io.sourceflow.benchmarks.jpa;

import io.sourceflow.Command;
import io.sourceflow.EntityRef;
import io.sourceflow.Metadata;
import io.sourceflow.cdi.bank.Commands.CreateAccount;
import io.sourceflow.cdi.bank.Commands.DepositMoney;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;
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
 * Replays one account with {@value #COMMANDS} logged commands on PostgreSQL, in one transaction,
 * in a 128 MB heap; logs the peak heap used by each iteration. Commands per second are
 * {@value #COMMANDS} divided by the time per operation.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms128m", "-Xmx128m", "-DObjectStoreEnvironmentBean.objectStoreDir=target/narayana",
    "-Dcom.arjuna.ats.arjuna.objectstore.objectStoreDir=target/narayana"})
@State(Scope.Benchmark)
public class JpaReplayBenchmark {

    static final int COMMANDS = 10_000;
    static final String ACCOUNT = "replayed";
    private static final Logger LOG = Logger.getLogger(JpaReplayBenchmark.class.getName());

    /**
     * Writes the log directly, as the JPA store would have.
     *
     * @param bank the database
     * @throws Exception when the database fails
     */
    @Setup(Level.Trial)
    public void writeLog(PostgresBank bank) throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create(); Connection c = bank.db.connect(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO sourceflow_command (entity_type, entity_id, sequence_no, type_alias, payload, metadata, is_new,"
                        + " occurred_on) VALUES ('BankAccount', ?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int n = 1; n <= COMMANDS; n++) {
                Command command = n == 1 ? new CreateAccount(EntityRef.of(ACCOUNT).asNew(), "R", BigDecimal.ZERO)
                        : new DepositMoney(EntityRef.of(ACCOUNT), BigDecimal.ONE);
                insert.setString(1, ACCOUNT);
                insert.setLong(2, n);
                insert.setString(3, n == 1 ? "bank.CreateAccount" : "bank.DepositMoney");
                insert.setString(4, jsonb.toJson(command));
                insert.setString(5, jsonb.toJson(Metadata.create(ACCOUNT).withSequenceNo(n)));
                insert.setBoolean(6, n == 1);
                insert.setTimestamp(7, new Timestamp(System.currentTimeMillis()));
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
        }
    }

    /** Forgets the peaks of earlier iterations. */
    @Setup(Level.Iteration)
    public void resetPeaks() {
        System.gc();
        heap().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Logs this iteration's peak heap. */
    @TearDown(Level.Iteration)
    public void logPeak() {
        long peak = heap().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        LOG.warning(() -> "peak heap used during the iteration: " + peak / (1024 * 1024) + " MB");
    }

    /**
     * Replays the account.
     *
     * @param bank the database
     * @return the number of commands replayed
     */
    @Benchmark
    public long replay(PostgresBank bank) {
        long replayed = bank.accounts.rebuild(ACCOUNT);
        if (replayed != COMMANDS) {
            throw new IllegalStateException("replayed " + replayed + " commands, expected " + COMMANDS);
        }
        return replayed;
    }

    private static Stream<MemoryPoolMXBean> heap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP);
    }
}
