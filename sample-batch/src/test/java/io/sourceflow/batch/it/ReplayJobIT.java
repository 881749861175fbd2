package io.sourceflow.batch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The replay job rebuilds every account from a log written before it (5,000 accounts, 10 commands
 * each, put in the log by SQL): the server is killed while the job runs, started again, the job
 * restarted from its last checkpoints; afterwards every account, its view and the per-initial view
 * (kept under a key the events carry) are as one replay of each log makes them: nothing lost,
 * nothing counted twice.
 */
class ReplayJobIT {

    private static final int ACCOUNTS = 5_000;
    private static final List<String> NAMES = List.of("Ada", "Boris", "Clara", "Dmitri", "Elena");
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    @Test
    void aReplayOfEveryAccountSurvivesACrashOfTheServer() throws Exception {
        Server.awaitReady();
        seedLog();

        JsonObject started = Http.post(Server.uri("/api/replay-jobs"), "{\"partitions\":2}").json();
        long first = started.getJsonNumber("executionId").longValue();
        assertThat(started.getJsonNumber("total").longValue()).isEqualTo(ACCOUNTS);
        JsonObject midway = await("the job under way").atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> progress(first), p -> p.getJsonNumber("done").longValue() >= ACCOUNTS / 10
                        || !p.getString("status").startsWith("START"));
        assertThat(midway.getString("status")).as("killed while it runs: " + midway).isEqualTo("STARTED");
        assertThat(midway.getJsonNumber("done").longValue()).isLessThan(ACCOUNTS);

        Server.kill();
        Server.start();

        JsonObject crashed = progress(first);
        assertThat(crashed.getString("status")).as("marked failed when the server started again").isEqualTo("FAILED");
        assertThat(crashed.getJsonNumber("done").longValue()).as("what the committed chunks did").isBetween(1L, ACCOUNTS - 1L);
        JsonObject restarted = Http.post(Server.uri("/api/replay-jobs/" + first + "/restart"), "").json();
        long second = restarted.getJsonNumber("executionId").longValue();
        JsonObject completed = await("the restarted job done").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> progress(second), p -> !p.getString("status").startsWith("START"));
        assertThat(completed.getString("status")).as(completed.toString()).isEqualTo("COMPLETED");
        assertThat(completed.getJsonNumber("done").longValue()).as("the restart went on after the first run's checkpoints: every"
                + " account replayed once by a committed chunk").isEqualTo(ACCOUNTS);

        try (Connection c = connection()) {
            assertThat(rows(c, "SELECT COUNT(*), MIN(balance), MAX(balance) FROM sample_bank_account"))
                    .isEqualTo(ACCOUNTS + " 145.00 145.00");
            assertThat(rows(c, "SELECT COUNT(*), MIN(currentBalance), MAX(currentBalance), MIN(transactionCount),"
                    + " MAX(transactionCount) FROM sample_account_view")).isEqualTo(ACCOUNTS + " 145.00 145.00 9 9");
        }
        Map<String, String> initials = new TreeMap<>();
        for (String name : NAMES) {
            String initial = name.substring(0, 1);
            JsonObject model = Http.get(Server.uri("/api/initials/" + initial)).json();
            initials.put(initial, model.getJsonNumber("accounts") + " " + model.getJsonNumber("changes"));
        }
        long each = ACCOUNTS / NAMES.size();
        assertThat(initials).as("each account and change counted once").containsExactlyInAnyOrderEntriesOf(Map.of(
                "A", each + " " + 9 * each, "B", each + " " + 9 * each, "C", each + " " + 9 * each,
                "D", each + " " + 9 * each, "E", each + " " + 9 * each));
    }

    private static JsonObject progress(long execution) {
        Http.Reply reply = Http.get(Server.uri("/api/replay-jobs/" + execution));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /**
     * The log as the sample would have written it: per account an opening with 100 and nine deposits
     * of 1 to 9 (145 in the end); no account, view or per-initial model yet.
     */
    private static void seedLog() throws SQLException {
        try (Connection c = connection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO sourceflow_command (entity_type, entity_id, sequence_no,"
                     + " type_alias, type_revision, payload, metadata, is_new, occurred_on)"
                     + " SELECT 'bank.Account', a.id, n, CASE WHEN n = 1 THEN 'bank.CreateAccount' ELSE 'bank.DepositMoney' END, 1,"
                     + "   CASE WHEN n = 1 THEN json_build_object('accountName', a.holder, 'entity', json_build_object('id', a.id,"
                     + "     'isNew', true), 'initialAmount', 100)::text"
                     + "   ELSE json_build_object('amount', n - 1, 'entity', json_build_object('id', a.id, 'isNew', false))::text END,"
                     + "   json_build_object('correlationId', x.m, 'entityId', a.id, 'entityType', 'bank.Account', 'messageId', x.m,"
                     + "     'occurredOn', to_char(x.ts AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), 'origin', 'LOCAL',"
                     + "     'properties', json_build_object(), 'replay', false, 'sequenceNo', n)::text,"
                     + "   n = 1, x.ts"
                     + " FROM (SELECT 'r-' || lpad(i::text, 5, '0') AS id, (?::text[])[i % ? + 1] || ' ' || i AS holder"
                     + "       FROM generate_series(0, ? - 1) i) a"
                     + " CROSS JOIN generate_series(1, 10) n"
                     + " CROSS JOIN LATERAL (SELECT gen_random_uuid()::text AS m,"
                     + "   TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + n * INTERVAL '1 second' AS ts) x")) {
            insert.setArray(1, c.createArrayOf("text", NAMES.toArray()));
            insert.setInt(2, NAMES.size());
            insert.setInt(3, ACCOUNTS);
            assertThat(insert.executeUpdate()).isEqualTo(ACCOUNTS * 10);
        }
    }

    private static String rows(Connection c, String query) throws SQLException {
        try (ResultSet r = c.createStatement().executeQuery(query)) {
            r.next();
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                row.append(i > 1 ? " " : "").append(r.getString(i));
            }
            return row.toString();
        }
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(System.getProperty("batch.jdbc"), System.getProperty("batch.jdbc.user"),
                System.getProperty("batch.jdbc.password"));
    }
}
