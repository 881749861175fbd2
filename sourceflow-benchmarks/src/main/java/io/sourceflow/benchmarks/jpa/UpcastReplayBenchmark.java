package io.sourceflow.benchmarks.jpa;

import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.Metadata;
import io.sourceflow.cdi.revisions.Revisions;
import io.sourceflow.jpa.support.TestDatabase;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.WeldContainer;
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
 * Replay through upcasters beside replay without them, on PostgreSQL, in one run with the same
 * warm-up: two entities with {@value #COMMANDS} logged deposits each, one logged at the type's
 * current revision (3), the other at revision 1, which every replay brings to revision 3 through two
 * upcasters (a field renamed, then a field added). Commands per second are {@value #COMMANDS}
 * divided by the time per operation.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-DObjectStoreEnvironmentBean.objectStoreDir=target/narayana",
    "-Dcom.arjuna.ats.arjuna.objectstore.objectStoreDir=target/narayana"})
@State(Scope.Benchmark)
public class UpcastReplayBenchmark {

    static final int COMMANDS = 10_000;
    static final String CURRENT = "logged-at-revision-3";
    static final String UPCAST = "logged-at-revision-1";

    private TestDatabase db;
    private WeldContainer container;
    private CommandBus bus;

    /**
     * Creates the schema, writes both logs directly (as the store would have) and starts the container.
     *
     * @throws Exception when the database fails
     */
    @Setup(Level.Trial)
    public void start() throws Exception {
        db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, "bench_upcast", TestDatabase.Transactions.LOCAL);
        container = db.weld(Revisions.TillSaga.class, Revisions.AmountRenamed.class, Revisions.ReferenceAdded.class).initialize();
        bus = container.select(CommandBus.class).get();
        try (Jsonb jsonb = JsonbBuilder.create(); Connection c = db.connect(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO sourceflow_command (entity_type, entity_id, sequence_no, type_alias, type_revision, payload, metadata,"
                        + " is_new, occurred_on) VALUES ('Till', ?, ?, 'rev.Deposit', ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int n = 1; n <= COMMANDS; n++) {
                String entity = "{\"id\":\"%s\"" + (n == 1 ? ",\"isNew\":true}" : "}");
                add(insert, CURRENT, n, 3, "{\"entity\":" + entity.formatted(CURRENT) + ",\"amount\":1,\"reference\":\"none\"}", jsonb);
                add(insert, UPCAST, n, 1, "{\"entity\":" + entity.formatted(UPCAST) + ",\"amt\":1}", jsonb);
            }
            insert.executeBatch();
            c.commit();
        }
    }

    private static void add(PreparedStatement insert, String entity, int n, int revision, String payload, Jsonb jsonb)
            throws java.sql.SQLException {
        insert.setString(1, entity);
        insert.setLong(2, n);
        insert.setInt(3, revision);
        insert.setString(4, payload);
        insert.setString(5, jsonb.toJson(Metadata.create(entity).withSequenceNo(n)));
        insert.setBoolean(6, n == 1);
        insert.setTimestamp(7, new Timestamp(System.currentTimeMillis()));
        insert.addBatch();
    }

    /**
     * Stops the container and closes the database.
     *
     * @throws Exception when closing fails
     */
    @TearDown(Level.Trial)
    public void stop() throws Exception {
        container.close();
        db.close();
    }

    /**
     * Replays the entity logged at the current revision: no upcaster runs.
     *
     * @return the number of commands replayed
     */
    @Benchmark
    public long current() {
        return replay(CURRENT);
    }

    /**
     * Replays the entity logged at revision 1: two upcasters run for every command.
     *
     * @return the number of commands replayed
     */
    @Benchmark
    public long upcast() {
        return replay(UPCAST);
    }

    private long replay(String entity) {
        long replayed = bus.replay(EntityRef.of(entity));
        if (replayed != COMMANDS) {
            throw new IllegalStateException("replayed " + replayed + " commands of " + entity + ", expected " + COMMANDS);
        }
        return replayed;
    }
}
