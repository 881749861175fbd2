package io.sourceflow.twoservers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL, which both servers use, is down for {@value #OUTAGE_SECONDS} s while clients post
 * deposits to B (Liberty's engine between them). B refuses deposits while its database is down; A's
 * deliveries of the commands it holds fail for a transient reason, are delivered again (each attempt
 * waits about 10 s for a connection, SourceFlow pauses between the later ones) and never parked: every
 * deposit B accepted is applied on A once, in order, and B's views catch up. The outage outlasts the
 * engine's own limit (the queue's and the topic space's {@code maxRedeliveryCount}, 10): their
 * {@code failedDeliveryPolicy} {@code KEEP_TRYING} (liberty-config/messaging-engine.xml) keeps the
 * message in its place, where the default would move it to the exception destination.
 */
class DatabaseOutageIT {

    /** How long the database is down: the fault itself (about twelve deliveries of a held command fail meanwhile). */
    private static final int OUTAGE_SECONDS = 120;
    private static final int ACCOUNTS = 5;
    private static final int CLIENTS = 4;

    @BeforeAll
    static void serversAreReady() {
        Servers.awaitReady();
    }

    @Test
    void everyAcceptedCommandIsAppliedOnceAcrossADatabaseOutage() throws Exception {
        // given
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            ids.add(Accounts.opened("dbout" + i, "0"));
        }

        // when: deposits of 1 flow while PostgreSQL is stopped and started again
        DepositClients clients = DepositClients.start(ids, CLIENTS);
        try {
            await("accepted before the outage").atMost(Duration.ofMinutes(2)).until(() -> clients.acceptedCount() >= 100);
            postgres("stop");
            long stopped = System.nanoTime();
            Http.Reply notReady = await("B not ready").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Http.get(Servers.b("/health/ready")), reply -> reply.status() == 503);
            assertThat(notReady.body()).as("the readiness check names a log reference, not the driver's exception")
                    .contains("no valid connection; reference ").doesNotContain("5432").doesNotContain("Exception")
                    .doesNotContain("refused");
            Thread.sleep(Math.max(0, TimeUnit.SECONDS.toMillis(OUTAGE_SECONDS) - (System.nanoTime() - stopped) / 1_000_000));
            postgres("start");
            int afterRestart = clients.acceptedCount();
            await("accepted after the outage").atMost(Duration.ofMinutes(3)).until(() -> clients.acceptedCount() >= afterRestart + 100);
        } finally {
            clients.stop();
        }

        // then: every accepted deposit is in A's log once, gap-free; nothing parked; B's views equal A's entities
        for (Map.Entry<String, List<String>> applied : clients.appliedOnA().entrySet()) {
            String id = applied.getKey();
            assertThat(Databases.deadLettersOnA(id)).as("parked on A").isEmpty();
            assertThat(Databases.deadLettersOnB(id)).as("parked on B").isEmpty();
            Accounts.awaitView(id, applied.getValue().size() + 1);
            assertThat(Databases.viewOnB(id)).isEqualTo(Databases.entityOnA(id));
            assertThat(Databases.entityOnA(id).orElseThrow().balance()).isEqualByComparingTo(BigDecimal.valueOf(applied.getValue().size()));
        }
        ConcurrentCommandsIT.record("database outage of " + OUTAGE_SECONDS + " s: " + clients.acceptedCount()
                + " deposits accepted by B, all applied once on A, none parked");
    }

    /** Stops or starts the PostgreSQL cluster both servers use, as an operator would. */
    private static void postgres(String action) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c",
                "pg_ctlcluster --skip-systemctl-redirect \"$(ls /etc/postgresql | head -1)\" main " + action)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("PostgreSQL did not " + action + " in 2 minutes");
        }
        assertThat(process.exitValue()).as("pg_ctlcluster " + action).isZero();
    }
}
