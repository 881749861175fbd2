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
import java.util.LinkedHashMap;
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

/**
 * Test clients that post deposits of 1 to B, round robin over some accounts, until stopped, and
 * remember B's answers: the message ids it accepted (202), how often each account was tried, and the
 * statuses of the refusals (-1 for no answer).
 */
final class DepositClients {

    private final List<String> ids;
    private final Map<String, Set<String>> accepted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempted = new ConcurrentHashMap<>();
    private final List<Integer> refusals = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger acceptedCount = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService pool;
    private final List<Future<?>> clients = new ArrayList<>();

    private DepositClients(List<String> ids, int clients) {
        this.ids = List.copyOf(ids);
        ids.forEach(id -> {
            accepted.put(id, ConcurrentHashMap.newKeySet());
            attempted.put(id, new AtomicInteger());
        });
        this.pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            this.clients.add(pool.submit(() -> post(client, clients)));
        }
    }

    /** Starts the clients. */
    static DepositClients start(List<String> ids, int clients) {
        return new DepositClients(ids, clients);
    }

    private Void post(int client, int clients) throws InterruptedException {
        for (int n = client; running.get(); n += clients) {
            String id = ids.get(n % ids.size());
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
    }

    /** @return how many deposits B accepted so far */
    int acceptedCount() {
        return acceptedCount.get();
    }

    /** @return B's refusals so far, their statuses in order */
    List<Integer> refusals() {
        synchronized (refusals) {
            return List.copyOf(refusals);
        }
    }

    /** @return how often deposits into an account were tried */
    int attempted(String id) {
        return attempted.get(id).get();
    }

    /** @return the message ids of the deposits into an account that B accepted */
    Set<String> accepted(String id) {
        return accepted.get(id);
    }

    /** Stops the clients and waits for them. */
    void stop() throws Exception {
        running.set(false);
        pool.shutdown();
        for (Future<?> client : clients) {
            client.get();
        }
    }

    /**
     * Waits until A's log holds every accepted deposit, and checks each log: gap-free, no deposit
     * twice, every accepted one in it.
     *
     * @return the message ids of the deposits in each account's log (after its opening), in order
     */
    Map<String, List<String>> appliedOnA() {
        await("A applied every accepted deposit").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> ids.stream().allMatch(id -> Databases.logOnA(id).stream().map(Logged::messageId).toList()
                        .containsAll(accepted.get(id))));
        Map<String, List<String>> deposits = new LinkedHashMap<>();
        for (String id : ids) {
            List<Logged> log = Databases.logOnA(id);
            assertThat(log).extracting(Logged::sequenceNo).as("sequence of %s", id)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, log.size()).boxed().toList());
            List<String> applied = log.stream().skip(1).map(Logged::messageId).toList();
            assertThat(applied).as("deposits of %s", id).doesNotHaveDuplicates().containsAll(accepted.get(id));
            deposits.put(id, applied);
        }
        return deposits;
    }

    private static Reply deposit(String id) {
        try {
            return Accounts.deposit(id, BigDecimal.ONE);
        } catch (UncheckedIOException noAnswer) {
            return null;
        }
    }
}
