package io.sourceflow.twoservers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sourceflow.twoservers.it.Databases.Account;
import io.sourceflow.twoservers.it.Databases.Logged;
import io.sourceflow.twoservers.it.Http.Reply;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 2,000 deposits across 50 accounts, posted to B by 16 clients at once: A logs every one exactly
 * once with gap-free sequence numbers per account, and B's views end equal to A's entities.
 */
class ConcurrentCommandsIT {

    private static final int ACCOUNTS = 50;
    private static final int COMMANDS = 2_000;
    private static final int CLIENTS = 16;

    @BeforeAll
    static void serversAreReady() {
        Servers.awaitReady();
    }

    @Test
    void everyAcceptedCommandIsAppliedOnceInOrderAndBsViewsMatchAsEntities() throws Exception {
        // given: 50 accounts opened through B
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            ids.add(Accounts.opened("load" + i, "0"));
        }
        Map<String, List<String>> accepted = new ConcurrentHashMap<>();
        Map<String, BigDecimal> expected = new ConcurrentHashMap<>();
        ids.forEach(id -> {
            accepted.put(id, java.util.Collections.synchronizedList(new ArrayList<>()));
            expected.put(id, BigDecimal.ZERO);
        });
        AtomicInteger next = new AtomicInteger();
        List<Reply> refused = java.util.Collections.synchronizedList(new ArrayList<>());

        // when: each command deposits 1..9 into account (n mod 50)
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        try {
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < COMMANDS; n = next.getAndIncrement()) {
                        String id = ids.get(n % ACCOUNTS);
                        BigDecimal amount = BigDecimal.valueOf(n % 9 + 1);
                        Reply reply = Accounts.deposit(id, amount);
                        if (reply.status() == 202) {
                            accepted.get(id).add(reply.json().getString("messageId"));
                            expected.merge(id, amount, BigDecimal::add);
                        } else {
                            refused.add(reply);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            pool.shutdown();
        }
        long acceptedNanos = System.nanoTime() - start;
        await("A applied all").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> ids.stream().allMatch(id -> Databases.logOnA(id).size() == 1 + accepted.get(id).size()));
        long appliedNanos = System.nanoTime() - start;
        ids.forEach(id -> Accounts.awaitView(id, 1 + accepted.get(id).size()));
        long viewedNanos = System.nanoTime() - start;

        // then
        assertThat(refused).as("B refused").isEmpty();
        for (String id : ids) {
            List<Logged> log = Databases.logOnA(id);
            assertThat(log).extracting(Logged::sequenceNo).as("sequence of %s", id)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, log.size()).boxed().toList());
            List<String> logged = log.stream().skip(1).map(Logged::messageId).toList();
            assertThat(logged).as("deposits of %s", id).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(accepted.get(id));
            Account entity = Databases.entityOnA(id).orElseThrow();
            assertThat(entity.balance()).as("A's balance of %s", id).isEqualByComparingTo(expected.get(id));
            assertThat(Databases.viewOnB(id)).as("B's view of %s", id).contains(entity);
            assertThat(Databases.viewSequenceOnB(id)).isEqualTo(log.size());
        }
        record("B->A, " + COMMANDS + " deposits over " + ACCOUNTS + " accounts, " + CLIENTS + " HTTP clients: accepted by B "
                + rate(COMMANDS, acceptedNanos) + "/s, applied on A " + rate(COMMANDS, appliedNanos) + "/s, in B's views "
                + rate(COMMANDS, viewedNanos) + "/s");
    }

    private static String rate(int commands, long nanos) {
        return String.format("%.0f", commands / (nanos / 1e9));
    }

    /** Appends a figure to target/two-servers-figures.txt (read by hand for docs/benchmarks.md). */
    static void record(String line) throws IOException {
        System.out.println(line);
        Files.writeString(Path.of("target", "two-servers-figures.txt"), line + System.lineSeparator(),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
