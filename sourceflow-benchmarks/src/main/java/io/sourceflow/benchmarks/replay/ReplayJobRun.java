package io.sourceflow.benchmarks.replay;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Commands replayed per second by the replay job ({@code sourceflow-batch}) in a Liberty server on
 * PostgreSQL, beside a plain JDBC read of the same log rows (the ceiling: the rows cannot be replayed
 * faster than they are read), and the server's heap after a full GC while the job runs. Run by
 * {@code sourceflow-benchmarks/scripts/replay-job.sh}, which starts the server ({@code sample-batch}'s
 * WAR, the shipped configuration) once per number of accounts.
 *
 * <p>The log is written by SQL ({@code replay.seed}, the file {@code sample-batch}'s test writes it with):
 * {@code replay.accounts} accounts of 10 commands each. The variants
 * take turns: the JDBC read; the job in mode {@code full} (accounts and every view) at 1 and 2
 * partitions; in mode {@code views} (the per-initial view alone) at 1 and 2 partitions. Each runs
 * once unrecorded (the warm-up), then {@code replay.rounds} times, the order turned by one each round.
 * A job's rate is the commands of the accounts it replayed after its first progress report over the
 * time from that report to its end (a mode-{@code views} job's start step, which waits out the settle
 * margin twice, is not in it). Last, one more job per mode at 2 partitions with a full GC and the heap
 * used after it taken at each quarter of the accounts. One CSV line per recorded run:
 * {@code accounts,variant,round,commands,seconds,per_second,heap_after_gc_mb}.
 */
public final class ReplayJobRun {

    private static final Logger LOG = Logger.getLogger(ReplayJobRun.class.getName());
    private static final String VIEW = "io.sourceflow.sample.initials.InitialsView";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base = System.getProperty("replay.http");
    /** An operator's bearer token (role sourceflow-admin) the server accepts: the script signs it. */
    private final String authorization = "Bearer " + System.getProperty("replay.token", "");
    private final String jdbc = System.getProperty("replay.jdbc");
    private final Path pidFile = Path.of(System.getProperty("replay.pid"));
    private final int accounts = Integer.getInteger("replay.accounts", 5_000);
    /** The most heap used after a full GC at the quarters of the last job run with samples, in MB. */
    private double heapMax;

    private ReplayJobRun() {
    }

    /**
     * Writes the log, runs the variants and appends them to the CSV file.
     *
     * @param args none; settings are system properties (see the script)
     * @throws Exception when the server or the database fails
     */
    public static void main(String[] args) throws Exception {
        new ReplayJobRun().run(Integer.getInteger("replay.rounds", 3), Path.of(System.getProperty("replay.csv")));
    }

    private void run(int rounds, Path csv) throws Exception {
        seed();
        List<String> variants = List.of("jdbc", "full-1", "full-2", "views-1", "views-2");
        for (int round = 0; round <= rounds; round++) {
            for (int v = 0; v < variants.size(); v++) {
                String variant = variants.get((v + round) % variants.size());
                double seconds = variant.equals("jdbc") ? readLog() : job(variant, false);
                if (round > 0) {
                    record(csv, variant, round, seconds, "");
                }
            }
        }
        for (String variant : List.of("full-2", "views-2")) {
            double seconds = job(variant, true);
            record(csv, variant + "-heap", 1, seconds, String.format(Locale.ROOT, "%.1f", heapMax));
        }
    }

    private void record(Path csv, String variant, int round, double seconds, String heap) throws IOException {
        long commands = accounts * 10L;
        String line = String.format(Locale.ROOT, "%d,%s,%d,%d,%.3f,%.1f,%s%n", accounts, variant, round, commands, seconds,
                commands / seconds, heap);
        Files.writeString(csv, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        LOG.info(line::strip);
    }

    /** Reads every row of the log (payload and metadata too), in the order a replay reads them; returns the seconds. */
    private double readLog() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.setFetchSize(500);
            long started = System.nanoTime();
            long rows = 0;
            long chars = 0;
            try (ResultSet r = s.executeQuery("SELECT entity_type, entity_id, sequence_no, type_alias, type_revision, payload,"
                    + " metadata, is_new, occurred_on FROM sourceflow_command ORDER BY entity_type, entity_id, sequence_no")) {
                while (r.next()) {
                    chars += r.getString(2).length() + r.getString(6).length() + r.getString(7).length() + r.getLong(3);
                    r.getTimestamp(9);
                    rows++;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (rows != accounts * 10L || chars == 0) {
                throw new IllegalStateException("read " + rows + " rows, expected " + accounts * 10L);
            }
            c.commit();
            return seconds;
        }
    }

    /** Runs one job to its end; returns the seconds of its replay (see the class). */
    private double job(String variant, boolean sampleHeap) throws Exception {
        String[] parts = variant.split("-");
        String body = "{\"partitions\":" + parts[1] + (parts[0].equals("views") ? ",\"views\":[\"" + VIEW + "\"]" : "") + "}";
        JsonObject started = send(HttpRequest.newBuilder(URI.create(base + "/api/replay-jobs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), 202);
        long execution = started.getJsonNumber("executionId").longValue();
        heapMax = 0;
        int nextQuarter = 1;
        long firstDone = -1;
        long firstAt = 0;
        while (true) {
            JsonObject progress = send(HttpRequest.newBuilder(URI.create(base + "/api/replay-jobs/" + execution)).GET(), 200);
            long now = System.nanoTime();
            long done = progress.getJsonNumber("done").longValue();
            String status = progress.getString("status");
            if (firstDone < 0 && done > 0) {
                firstDone = done;
                firstAt = now;
            }
            if (sampleHeap && nextQuarter <= 4 && done >= accounts * nextQuarter / 4) {
                heapMax = Math.max(heapMax, heapAfterGc());
                nextQuarter++;
            }
            if (!status.startsWith("START")) {
                if (!status.equals("COMPLETED") || done != accounts || firstDone < 0 || firstDone == accounts) {
                    throw new IllegalStateException(variant + ": " + progress + " (first report at " + firstDone + ")");
                }
                return (now - firstAt) / 1e9 * accounts / (accounts - firstDone);
            }
            Thread.sleep(20);
        }
    }

    /** Runs a full GC in the server and returns the heap used after it, in MB (from {@code jcmd GC.heap_info}). */
    private double heapAfterGc() throws Exception {
        String pid = Files.readString(pidFile).strip();
        jcmd(pid, "GC.run");
        for (String line : jcmd(pid, "GC.heap_info").split("\n")) {
            int used = line.indexOf(" used ");
            if (line.contains("total") && used > 0) {
                String kilobytes = line.substring(used + 6).strip().split("K")[0];
                return Long.parseLong(kilobytes) / 1024.0;
            }
        }
        throw new IllegalStateException("no heap size in jcmd GC.heap_info");
    }

    private static String jcmd(String pid, String command) throws Exception {
        Process process = new ProcessBuilder("jcmd", pid, command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + command + ": " + out);
        }
        return out;
    }

    private JsonObject send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.statusCode() + ": " + response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /** The log as the sample writes it ({@code replay.seed}: {@code sample-batch/src/test/sql/accounts-log.sql}). */
    private void seed() throws SQLException, IOException {
        try (Connection c = connect();
             PreparedStatement insert = c.prepareStatement(Files.readString(Path.of(System.getProperty("replay.seed"))))) {
            insert.setInt(1, accounts);
            if (insert.executeUpdate() != accounts * 10) {
                throw new IllegalStateException("the log was not written");
            }
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("ANALYZE sourceflow_command");
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbc, "postgres", System.getProperty("replay.jdbc.password", "postgres"));
    }
}
