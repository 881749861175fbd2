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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Expected outcomes are answers, not failures: an account that exists (409), an account that does not (404) and a
 * broken business rule (422) write no stack trace and no incident to the server's log (Open Liberty's
 * {@code messages.log} and FFDC directory, WildFly's {@code server.log}); writers of one account waiting for each
 * other neither ({@link ConcurrentDepositsIT}).
 */
class ExpectedOutcomesIT {

    private static final String ACCOUNTS = "/api/accounts/";

    @BeforeAll
    static void serverIsReady() {
        SampleServer.awaitReady();
    }

    @Test
    void conflictsMissingAccountsAndBrokenRulesWriteNoStackTrace() {
        String twice = opened("Logged twice", "10");
        String closed = opened("Logged closed", "10");
        String missing = "missing-" + newId();
        ServerLog log = ServerLog.fromNow();

        assertThat(post("/api/accounts", open(twice, "Again", "1")).status()).isEqualTo(409);
        assertThat(post(ACCOUNTS + missing + "/deposits", "{\"amount\": 1}").status()).isEqualTo(404);
        assertThat(post(ACCOUNTS + missing + "/replay", "").status()).isEqualTo(404);
        assertThat(get(ACCOUNTS + missing).status()).isEqualTo(404);
        assertThat(post(ACCOUNTS + twice + "/withdrawals", "{\"amount\": 11}").status()).isEqualTo(422);
        assertThat(post(ACCOUNTS + closed + "/close", "{\"reason\": \"done\"}").status()).isEqualTo(200);
        assertThat(post(ACCOUNTS + closed + "/deposits", "{\"amount\": 1}").status()).isEqualTo(422);

        assertNothingReported(log);
    }

    /** Asserts that the server reported no failure in its log and wrote no incident since the mark. */
    static void assertNothingReported(ServerLog log) {
        assertThat(log.failuresReportedSince()).as("lines of " + log.file() + " reporting an expected outcome as a failure")
                .isEmpty();
        assertThat(log.incidentsSince()).as("incidents written for expected outcomes")
                .extracting(ExpectedOutcomesIT::firstLines).isEmpty();
    }

    private static String firstLines(Path incident) {
        try (var lines = Files.lines(incident)) {
            return incident.getFileName() + ": " + String.join(" | ", lines.limit(5).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
