package io.sourceflow.twoservers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sourceflow.twoservers.it.Databases.Logged;
import io.sourceflow.twoservers.it.Http.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL, which both servers use, is down for {@value #OUTAGE_SECONDS} s while clients post
 * deposits to B (Liberty's engine between them). B refuses deposits while its database is down; A's
 * deliveries of the commands it holds fail for a transient reason, are delivered again (each attempt
 * waits about 10 s for a connection, SourceFlow pauses between the later ones) and never parked: every
 * deposit B accepted is applied on A once, in order, and B's views catch up.
 */
class DatabaseOutageIT {

    /** How long the database is down: the fault itself (about six deliveries of a held command fail meanwhile). */
    private static final int OUTAGE_SECONDS = 60;
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
        Map<String, Set<String>> accepted = new ConcurrentHashMap<>();
        ids.forEach(id -> accepted.put(id, ConcurrentHashMap.newKeySet()));
        AtomicInteger acceptedCount = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);

        // when: deposits of 1 flow while PostgreSQL is stopped and started again
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        try {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    for (int n = client; running.get(); n += CLIENTS) {
                        String id = ids.get(n % ACCOUNTS);
                        Reply reply = deposit(id);
                        if (reply != null && reply.status() == 202) {
                            accepted.get(id).add(reply.json().getString("messageId"));
                            acceptedCount.incrementAndGet();
                        } else {
                            Thread.sleep(100);
                        }
                    }
                    return null;
                }));
            }
            await("accepted before the outage").atMost(Duration.ofMinutes(2)).until(() -> acceptedCount.get() >= 100);
            postgres("stop");
            Thread.sleep(TimeUnit.SECONDS.toMillis(OUTAGE_SECONDS));
            postgres("start");
            int afterRestart = acceptedCount.get();
            await("accepted after the outage").atMost(Duration.ofMinutes(3)).ignoreExceptions()
                    .until(() -> acceptedCount.get() >= afterRestart + 100);
        } finally {
            running.set(false);
            pool.shutdown();
        }
        for (Future<?> client : clients) {
            client.get();
        }

        // then: every accepted deposit is in A's log once, gap-free; nothing parked; B's views equal A's entities
        await("A applied every accepted deposit").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> ids.stream().allMatch(id -> Databases.logOnA(id).stream().map(Logged::messageId).toList()
                        .containsAll(accepted.get(id))));
        for (String id : ids) {
            List<Logged> log = Databases.logOnA(id);
            assertThat(log).extracting(Logged::sequenceNo).as("sequence of %s", id)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, log.size()).boxed().toList());
            assertThat(log.stream().skip(1).map(Logged::messageId).toList()).as("deposits of %s", id)
                    .doesNotHaveDuplicates().containsAll(accepted.get(id));
            assertThat(Databases.deadLettersOnA(id)).as("parked on A").isEmpty();
            assertThat(Databases.deadLettersOnB(id)).as("parked on B").isEmpty();
            Accounts.awaitView(id, log.size());
            assertThat(Databases.viewOnB(id)).isEqualTo(Databases.entityOnA(id));
            assertThat(Databases.entityOnA(id).orElseThrow().balance()).isEqualByComparingTo(BigDecimal.valueOf(log.size() - 1));
        }
        ConcurrentCommandsIT.record("database outage of " + OUTAGE_SECONDS + " s: " + acceptedCount.get()
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

    private static Reply deposit(String id) {
        try {
            return Accounts.deposit(id, BigDecimal.ONE);
        } catch (UncheckedIOException noAnswer) {
            return null;
        }
    }
}
