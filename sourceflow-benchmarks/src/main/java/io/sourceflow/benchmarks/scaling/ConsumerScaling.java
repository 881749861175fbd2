package io.sourceflow.benchmarks.scaling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Commands applied per second by a server's command MDB, SourceFlow's beside the plain-MDB baseline
 * ({@code benchmarks-baseline-war}), on one Liberty server and one Artemis broker, at the number of
 * MDB sessions the server was started with. Run by {@code sourceflow-benchmarks/scripts/consumer-scaling.sh},
 * which starts the broker and the server once per session count.
 *
 * <p>Each window: both MDBs paused, {@code messages} deposits over {@code accounts} accounts put on
 * one variant's queue (each account's in order, {@code JMSXGroupID} = account), that variant's MDB
 * resumed, and the rate taken from the first applied command to the last one (the database's count of
 * logged commands, polled every 50 ms). The variants take turns: a warm-up window each (not
 * recorded), then {@code rounds} windows each, alternating. One CSV line per recorded window:
 * {@code sessions,variant,round,messages,seconds,per_second}.
 */
public final class ConsumerScaling {

    private static final Logger LOG = Logger.getLogger(ConsumerScaling.class.getName());

    private ConsumerScaling() {
    }

    /**
     * Runs the windows for one session count and appends them to the CSV file.
     *
     * @param args none; settings are system properties (see the script)
     * @throws Exception when the server, the broker or the database fails
     */
    public static void main(String[] args) throws Exception {
        int sessions = Integer.getInteger("scaling.sessions");
        int accounts = Integer.getInteger("scaling.accounts", 200);
        int messages = Integer.getInteger("scaling.messages", 2000);
        int rounds = Integer.getInteger("scaling.rounds", 3);
        Path csv = Path.of(System.getProperty("scaling.csv"));
        ScalingServer server = ScalingServer.fromSystemProperties();
        try (ScalingBroker broker = ScalingBroker.fromSystemProperties(); ScalingDatabase db = ScalingDatabase.fromSystemProperties()) {
            db.createBaselineTables();
            String run = "sc" + sessions + "-" + UUID.randomUUID().toString().substring(0, 6);
            List<String> ids = new ArrayList<>();
            for (int a = 0; a < accounts; a++) {
                ids.add(run + "-" + a);
            }
            server.pause(Variant.SOURCEFLOW);
            server.pause(Variant.BASELINE);
            for (Variant variant : Variant.values()) {
                broker.send(variant.queue(), Envelopes.openings(ids));
                measure(server, db, variant, run, accounts);
            }
            int sequence = 0;
            for (int round = 0; round <= rounds; round++) {
                for (Variant variant : Variant.values()) {
                    broker.send(variant.queue(), Envelopes.deposits(ids, messages, sequence));
                    double seconds = measure(server, db, variant, run, messages);
                    if (round > 0) {
                        String line = String.format(Locale.ROOT, "%d,%s,%d,%d,%.3f,%.1f%n", sessions, variant.label(), round,
                                messages, seconds, messages / seconds);
                        Files.writeString(csv, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                        LOG.info(line::strip);
                    }
                }
                sequence += messages / accounts;
            }
        }
    }

    /**
     * Resumes the variant's MDB, waits until {@code expected} more commands are logged and pauses it
     * again. The clock starts when the first of them is seen (polled every 50 ms, so the MDB's resume
     * is not timed): the result is the time {@code expected} commands take at the rate measured
     * from then on.
     */
    private static double measure(ScalingServer server, ScalingDatabase db, Variant variant, String run, int expected)
            throws IOException, InterruptedException {
        long target = db.logged(variant, run) + expected;
        server.resume(variant);
        long deadline = System.nanoTime() + 600_000_000_000L;
        long startCount = -1;
        long start = 0;
        long count = db.logged(variant, run);
        while (count < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(variant + ": " + (target - count) + " of " + expected + " not applied in 10 minutes");
            }
            Thread.sleep(50);
            count = db.logged(variant, run);
            if (startCount < 0 && count > target - expected) {
                startCount = count;
                start = System.nanoTime();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        server.pause(variant);
        return seconds * expected / Math.max(1, target - startCount);
    }
}
