package io.sourceflow.sample.it;

import static io.sourceflow.sample.it.AccountApiIT.newId;
import static io.sourceflow.sample.it.AccountApiIT.open;
import static io.sourceflow.sample.it.AccountApiIT.opened;
import static io.sourceflow.sample.it.SampleServer.get;
import static io.sourceflow.sample.it.SampleServer.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Expected outcomes are answers, not failures: an account that exists (409), an account that does not (404), a
 * broken business rule (422) and writers of one account waiting for each other write no stack trace and no incident
 * to the server's log (Open Liberty's {@code messages.log} and FFDC directory, WildFly's {@code server.log}).
 */
class ExpectedOutcomesIT {

    private static final String ACCOUNTS = "/api/accounts/";
    private static final int WRITERS = 8;

    /** A line of a stack trace from the application's request, or a server's report of one. */
    private static final Predicate<String> REPORTED_FAILURE = line -> line.contains("FFDC1015I")
            || line.contains("EntityExistsException") || line.contains("EntityNotFoundException")
            || line.contains("BusinessRuleException") || line.contains("ConcurrencyException")
            || line.contains("DuplicateKeyException") || line.contains("IntegrityConstraint") || line.contains("duplicate key")
            || line.matches("\\s+at (io\\.sourceflow|org\\.eclipse\\.persistence|org\\.hibernate)\\..*");

    @BeforeAll
    static void serverIsReady() {
        SampleServer.awaitReady();
    }

    @Test
    void conflictsMissingAccountsBrokenRulesAndWaitingWritersWriteNoStackTrace() throws Exception {
        String twice = opened("Logged twice", "10");
        String closed = opened("Logged closed", "10");
        String missing = "missing-" + newId();
        String busy = opened("Logged busy", "0");
        ServerLog log = ServerLog.fromNow();

        assertThat(post("/api/accounts", open(twice, "Again", "1")).status()).isEqualTo(409);
        assertThat(post(ACCOUNTS + missing + "/deposits", "{\"amount\": 1}").status()).isEqualTo(404);
        assertThat(post(ACCOUNTS + missing + "/replay", "").status()).isEqualTo(404);
        assertThat(get(ACCOUNTS + missing).status()).isEqualTo(404);
        assertThat(post(ACCOUNTS + twice + "/withdrawals", "{\"amount\": 11}").status()).isEqualTo(422);
        assertThat(post(ACCOUNTS + closed + "/close", "{\"reason\": \"done\"}").status()).isEqualTo(200);
        assertThat(post(ACCOUNTS + closed + "/deposits", "{\"amount\": 1}").status()).isEqualTo(422);
        assertThat(depositAtOnce(busy)).containsOnly(200).hasSize(WRITERS * 5);

        List<String> reported = log.linesSince().stream().filter(REPORTED_FAILURE).toList();
        assertThat(reported).as("lines of " + log.file() + " reporting an expected outcome as a failure").isEmpty();
        assertThat(log.incidentsSince()).as("incidents written for expected outcomes")
                .extracting(ExpectedOutcomesIT::firstLines).isEmpty();
    }

    /** Eight writers deposit five times each into one account at once; the statuses they were answered. */
    private static List<Integer> depositAtOnce(String id) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<List<Integer>>> writers = new ArrayList<>();
        try {
            for (int w = 0; w < WRITERS; w++) {
                writers.add(pool.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        statuses.add(post(ACCOUNTS + id + "/deposits", "{\"amount\": 1}").status());
                    }
                    return statuses;
                }));
            }
        } finally {
            pool.shutdown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> writer : writers) {
            statuses.addAll(writer.get());
        }
        return statuses;
    }

    private static String firstLines(Path incident) {
        try (var lines = Files.lines(incident)) {
            return incident.getFileName() + ": " + String.join(" | ", lines.limit(5).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
