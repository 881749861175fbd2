package io.sourceflow.twoservers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sourceflow.twoservers.it.Databases.Logged;
import io.sourceflow.twoservers.it.Http.Reply;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Server A is killed while clients keep posting deposits to B, then started again: every deposit B
 * accepted (202) is applied on A exactly once, in a gap-free log, and B's views catch up with A's
 * entities. While A is down, B refuses deposits with 503 (its send to A's engine fails, nothing is
 * sent); a request in flight when A dies may end in 500 (B's commit with A's engine failed): such a
 * deposit may or may not be applied, but at most once.
 */
class ServerACrashIT {

    private static final int ACCOUNTS = 5;
    private static final int CLIENTS = 4;

    @BeforeAll
    static void serversAreReady() {
        Servers.awaitReady();
    }

    @Test
    void everyAcceptedCommandIsAppliedExactlyOnceAcrossACrashOfA() throws Exception {
        // given
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            ids.add(Accounts.opened("crash" + i, "0"));
        }
        Map<String, Set<String>> accepted = new ConcurrentHashMap<>();
        ids.forEach(id -> accepted.put(id, ConcurrentHashMap.newKeySet()));
        Map<String, AtomicInteger> attempted = new ConcurrentHashMap<>();
        ids.forEach(id -> attempted.put(id, new AtomicInteger()));
        List<Integer> refusals = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger acceptedCount = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);

        // when: deposits of 1 flow while A is killed and started again
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        try {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    for (int n = client; running.get(); n += CLIENTS) {
                        String id = ids.get(n % ACCOUNTS);
                        attempted.get(id).incrementAndGet();
                        Reply reply = deposit(id);
                        if (reply != null && reply.status() == 202) {
                            accepted.get(id).add(reply.json().getString("messageId"));
                            acceptedCount.incrementAndGet();
                        } else {
                            refusals.add(reply == null ? -1 : reply.status());
                            Thread.sleep(50);
                        }
                    }
                    return null;
                }));
            }
            await("accepted before the crash").atMost(Duration.ofMinutes(2)).until(() -> acceptedCount.get() >= 150);
            Servers.killA();
            await("B refuses while A is down").atMost(Duration.ofMinutes(1)).until(() -> refusals.size() >= 10);
            Servers.startA();
            int afterRestart = acceptedCount.get();
            await("accepted after the restart").atMost(Duration.ofMinutes(3)).until(() -> acceptedCount.get() >= afterRestart + 150);
        } finally {
            running.set(false);
            pool.shutdown();
        }
        for (Future<?> client : clients) {
            client.get();
        }

        // then: every accepted deposit is in A's log exactly once; nothing beyond what was attempted
        await("A applied every accepted deposit").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> ids.stream().allMatch(id -> Databases.logOnA(id).stream().map(Logged::messageId).toList()
                        .containsAll(accepted.get(id))));
        int appliedNotAccepted = 0;
        for (String id : ids) {
            List<Logged> log = Databases.logOnA(id);
            assertThat(log).extracting(Logged::sequenceNo).as("sequence of %s", id)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, log.size()).boxed().toList());
            List<String> deposits = log.stream().skip(1).map(Logged::messageId).toList();
            assertThat(deposits).as("deposits of %s", id).doesNotHaveDuplicates().containsAll(accepted.get(id));
            assertThat(deposits.size()).isLessThanOrEqualTo(attempted.get(id).get());
            appliedNotAccepted += deposits.size() - accepted.get(id).size();
            BigDecimal balance = BigDecimal.valueOf(deposits.size());
            assertThat(Databases.entityOnA(id).orElseThrow().balance()).isEqualByComparingTo(balance);
            Accounts.awaitView(id, log.size());
            assertThat(Databases.viewOnB(id)).isEqualTo(Databases.entityOnA(id));
        }
        // 503: B's send to A's engine failed, nothing was sent; 500 (or no answer): the request was in flight
        // when A died and B's commit with A's engine failed, outcome unknown to B
        List<Integer> unknown = refusals.stream().filter(status -> status != 503).toList();
        assertThat(refusals).as("B's answers while A was down").contains(503);
        assertThat(unknown).as("in flight at the crash").allMatch(status -> status == 500 || status == -1);
        assertThat(appliedNotAccepted).as("applied without a 202").isLessThanOrEqualTo(unknown.size());
        ConcurrentCommandsIT.record("crash of A: " + acceptedCount.get() + " deposits accepted by B, " + refusals.size()
                + " refused while A was down (" + unknown.size() + " of them in flight, 500), " + appliedNotAccepted
                + " applied on A without B's 202");
    }

    private static Reply deposit(String id) {
        try {
            return Accounts.deposit(id, BigDecimal.ONE);
        } catch (UncheckedIOException noAnswer) {
            return null;
        }
    }
}
