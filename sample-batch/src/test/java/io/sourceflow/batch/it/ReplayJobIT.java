package io.sourceflow.batch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The replay job rebuilds every account from a log written before it (5,000 accounts, 10 commands
 * each, put in the log by SQL): the server is killed while the job runs, started again, the job
 * restarted from its last checkpoints; afterwards every account, its view and the per-initial view
 * (kept under a key the events carry) are as one replay of each log makes them: nothing lost,
 * nothing counted twice. Then the per-initial view alone is rebuilt (mode {@code views}) while
 * deposits arrive, through another crash: it comes out as the full replay made it plus each deposit
 * once, and not one row of the accounts or of their other view is written by it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayJobIT {

    private static final int ACCOUNTS = 5_000;
    private static final List<String> NAMES = List.of("Ada", "Boris", "Clara", "Dmitri", "Elena");
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private static final String INITIALS_VIEW = "io.sourceflow.sample.initials.InitialsView";
    /**
     * The accounts deposited to while the view is rebuilt, two of each initial: the last in the order the
     * job reads them, so that the rebuild has not replayed them yet.
     */
    private static final List<String> LIVE = IntStream.range(ACCOUNTS - 10, ACCOUNTS).mapToObj(i -> String.format("r-%05d", i))
            .toList();

    @Test
    @Order(1)
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
        assertThat(completed.getJsonArray("views")).as("a full replay").isEmpty();

        try (Connection c = connection()) {
            assertThat(rows(c, "SELECT COUNT(*), MIN(balance), MAX(balance) FROM sample_bank_account"))
                    .isEqualTo(ACCOUNTS + " 145.00 145.00");
            assertThat(rows(c, "SELECT COUNT(*), MIN(currentBalance), MAX(currentBalance), MIN(transactionCount),"
                    + " MAX(transactionCount) FROM sample_account_view")).isEqualTo(ACCOUNTS + " 145.00 145.00 9 9");
        }
        assertThat(initials()).as("each account and change counted once").isEqualTo(expectedInitials(0));
    }

    @Test
    @Order(2)
    void aRebuildOfOneViewAloneSurvivesACrashCountsDepositsMadeMeanwhileOnceAndWritesNothingElse() throws Exception {
        Server.awaitReady();
        String accountsBefore = digest("sample_bank_account");
        String accountViewsBefore = digest("sample_account_view");

        JsonObject started = Http.post(Server.uri("/api/replay-jobs"), "{\"partitions\":2,\"views\":[\"" + INITIALS_VIEW + "\"]}")
                .json();
        long first = started.getJsonNumber("executionId").longValue();
        assertThat(started.getJsonArray("views").getString(0)).isEqualTo(INITIALS_VIEW);
        JsonObject midway = await("the rebuild under way").atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> progress(first), p -> p.getJsonNumber("done").longValue() >= ACCOUNTS / 10
                        || !p.getString("status").startsWith("START"));
        assertThat(midway.getString("status")).as("killed while it runs: " + midway).isEqualTo("STARTED");
        assertThat(initials()).as("cleared at its start, and not yet filled again").isNotEqualTo(expectedInitials(0));
        deposit();

        Server.kill();
        Server.start();

        assertThat(progress(first).getString("status")).isEqualTo("FAILED");
        long second = Http.post(Server.uri("/api/replay-jobs/" + first + "/restart"), "").json()
                .getJsonNumber("executionId").longValue();
        JsonObject completed = await("the restarted rebuild done").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> progress(second), p -> !p.getString("status").startsWith("START"));
        assertThat(completed.getString("status")).as(completed.toString()).isEqualTo("COMPLETED");
        assertThat(completed.getJsonNumber("done").longValue()).isEqualTo(ACCOUNTS);
        deposit();

        assertThat(initials()).as("as the full replay made it, plus the deposits made during and after the rebuild, each once")
                .isEqualTo(expectedInitials(2));
        assertThat(digest("sample_bank_account")).as("no account written by the rebuild").isEqualTo(accountsBefore);
        assertThat(digest("sample_account_view")).as("the accounts' own view untouched").isEqualTo(accountViewsBefore);
        try (Connection c = connection()) {
            assertThat(rows(c, "SELECT COUNT(*), MIN(balance), MAX(balance) FROM sample_bank_account WHERE id IN ('"
                    + String.join("','", LIVE) + "')")).as("the deposits themselves").isEqualTo(LIVE.size() + " 147.00 147.00");
        }
    }

    /** Deposits 1 to each of the {@link #LIVE} accounts. */
    private static void deposit() {
        for (String id : LIVE) {
            Http.Reply reply = Http.post(Server.uri("/api/accounts/" + id + "/deposits"), "{\"amount\":1}");
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        }
    }

    /** The accounts and changes of each initial, as the API shows them. */
    private static Map<String, String> initials() {
        Map<String, String> initials = new TreeMap<>();
        for (String name : NAMES) {
            String initial = name.substring(0, 1);
            Http.Reply reply = Http.get(Server.uri("/api/initials/" + initial));
            JsonObject model = reply.status() == 404 ? null : reply.json();
            initials.put(initial, model == null ? "none" : model.getJsonNumber("accounts") + " " + model.getJsonNumber("changes"));
        }
        return initials;
    }

    /** What each initial holds after the full replay and {@code deposits} deposits to each {@link #LIVE} account. */
    private static Map<String, String> expectedInitials(int deposits) {
        long each = ACCOUNTS / NAMES.size();
        long live = LIVE.size() / NAMES.size();
        Map<String, String> expected = new TreeMap<>();
        NAMES.forEach(name -> expected.put(name.substring(0, 1), each + " " + (9 * each + live * deposits)));
        return expected;
    }

    /** A digest of a table's rows, but those of the {@link #LIVE} accounts. */
    private static String digest(String table) throws SQLException {
        try (Connection c = connection()) {
            return rows(c, "SELECT COUNT(*), md5(string_agg(t::text, '|' ORDER BY t.id)) FROM " + table + " t WHERE t.id NOT IN ('"
                    + String.join("','", LIVE) + "')");
        }
    }

    private static JsonObject progress(long execution) {
        Http.Reply reply = Http.get(Server.uri("/api/replay-jobs/" + execution));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** The log as the sample would have written it ({@code src/test/sql/accounts-log.sql}); no account, view or model yet. */
    private static void seedLog() throws SQLException, IOException {
        try (Connection c = connection();
             PreparedStatement insert = c.prepareStatement(Files.readString(Path.of("src/test/sql/accounts-log.sql")))) {
            insert.setInt(1, ACCOUNTS);
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
