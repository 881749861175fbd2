package io.sourceflow.artemis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sourceflow.artemis.it.Servers.Server;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 10,000 commands over 200 accounts from 8 clients spread over the three servers, while Liberty B
 * is killed (kill -9) and started again (and takes work: for a while it is the only consumer), and
 * later the broker is stopped and started again: the MDB transactions it held prepared are completed
 * by the servers' transaction managers (Liberty's through the adapter of sourceflow-artemis-rar,
 * which answers recovery for any activation spec), so nothing stays in doubt. Every client
 * sends its deposits to an account one after another and numbers them (the amount is the number plus
 * the client's own cents), so the log shows per client and account the order in which they were
 * applied. What the servers accepted (202) is applied exactly once, in the order sent; what they
 * refused is not applied; a request that got no answer is applied at most once, possibly after the
 * client's later ones (its server died during the commit and finished it after its restart, or the
 * broker went away during the commit and the answer said the outcome is unknown).
 */
class ScaleOutIT {

    static final int ACCOUNTS = 200;
    static final int CLIENTS = 8;
    static final int COMMANDS = 10_000;
    static final int DEPOSITS_PER_CLIENT = (COMMANDS - ACCOUNTS) / CLIENTS;

    @BeforeAll
    static void serversAreReady() {
        Servers.awaitAllReady();
    }

    @AfterAll
    static void everythingRuns() throws Exception {
        // whatever happened above: the next test class finds the broker and B running and every command
        // MDB consuming
        if (!Broker.answers()) {
            Broker.start();
        }
        if (!Http.reachable(Server.B.health())) {
            Servers.start(Server.B);
        }
        Servers.commandListener(Server.A, true);
        Servers.wildflyCommandListener(true);
    }

    @Test
    void everyAcceptedCommandIsAppliedOnceInOrderThroughACrashOfAServer() throws Exception {
        // given: 200 accounts, opened through the three servers
        String run = "load-" + UUID.randomUUID().toString().substring(0, 6);
        List<String> accounts = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            String id = run + "-" + a;
            accounts.add(id);
            Http.Reply opened = Http.postJson(Server.values()[a % 3].uri("/api/accounts"),
                    "{\"id\":\"" + id + "\",\"accountName\":\"Load " + a + "\",\"initialAmount\":1000}");
            assertThat(opened.status()).as("%s", opened).isEqualTo(202);
        }

        // when: 8 clients send 9,800 deposits over the three servers; B is killed at a quarter of them
        // and started again
        AtomicInteger progress = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<Future<LoadClient.Sent>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(new LoadClient(c, accounts, DEPOSITS_PER_CLIENT, progress)));
        }
        int total = CLIENTS * DEPOSITS_PER_CLIENT;
        await("a quarter sent").atMost(Duration.ofMinutes(10)).until(() -> progress.get() >= total / 4);
        Servers.kill(Server.B);
        Figures.record("scale-out: B killed after " + progress.get() + " deposits");
        Servers.start(Server.B);
        Figures.record("scale-out: B started again after " + progress.get() + " deposits");
        // B takes work again: with A's and C's command MDBs stopped for a while, B's sessions are the
        // only consumers, the accounts move to them, and the logs keep growing
        Servers.commandListener(Server.A, false);
        Servers.wildflyCommandListener(false);
        await("only B consumes").atMost(Duration.ofMinutes(1)).until(Broker::consumerCount, n -> n == Servers.commandSessions());
        long loggedBefore = Database.commandCount(run + "-%");
        await("B applies commands").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> Database.commandCount(run + "-%") >= loggedBefore + 100);
        Servers.commandListener(Server.A, true);
        Servers.wildflyCommandListener(true);
        Figures.record("scale-out: B alone applied 100 commands; A and C consume again after " + progress.get() + " deposits");
        // the broker stops (its MDB deliveries in the middle of their two-phase commits stay prepared)
        // and starts again; meanwhile the servers refuse writes with 503
        await("three fifths sent").atMost(Duration.ofMinutes(10)).until(() -> progress.get() >= total * 3 / 5);
        Broker.stop();
        Figures.record("scale-out: broker stopped after " + progress.get() + " deposits");
        Thread.sleep(3_000);
        Broker.start();
        long restarted = System.nanoTime();
        Figures.record("scale-out: broker started again after " + progress.get() + " deposits, holding "
                + Broker.preparedTransactions() + " prepared transactions");
        List<LoadClient.Sent> sent = new ArrayList<>();
        for (Future<LoadClient.Sent> client : clients) {
            sent.add(client.get(20, TimeUnit.MINUTES));
        }
        pool.shutdown();

        // then: every consumer is back (B took its sessions again), nothing stays in doubt on the broker,
        // and the queues drain
        Servers.awaitConsumers(3 * Servers.commandSessions(), 2 * Servers.eventSessions());
        await("no transaction in doubt, the command queue and the views' subscription drained")
                .atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Broker.preparedTransactions() == 0 && Broker.messageCount() == 0 && Broker.viewMessageCount() == 0);
        Figures.record("scale-out: no prepared transaction and the queues drained " + Duration.ofNanos(System.nanoTime()
                - restarted).toMillis() + " ms after the broker's restart");
        long tookMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        LoadClient.Sent all = LoadClient.Sent.merge(sent);
        Figures.record("scale-out: " + ACCOUNTS + " openings and " + total + " deposits; deposits accepted " + count(all.accepted())
                + ", refused " + count(all.refused()) + ", unanswered " + count(all.unanswered()) + "; all applied and projected "
                + tookMillis + " ms after the first deposit");

        Map<String, List<Database.Applied>> logs = Database.applied(run + "-%");
        assertThat(logs.keySet()).containsExactlyInAnyOrderElementsOf(accounts);
        BigDecimal appliedSum = BigDecimal.ZERO;
        int unansweredApplied = 0;
        for (String id : accounts) {
            List<Database.Applied> log = logs.get(id);
            // gap-free, opened first
            assertThat(log).extracting(Database.Applied::sequenceNo).as(id)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, log.size()).boxed().toList());
            assertThat(log.get(0).typeAlias()).isEqualTo("bank.CreateAccount");
            Map<BigDecimal, Integer> times = new HashMap<>();
            Map<Integer, Integer> lastNumberOfClient = new HashMap<>();
            List<BigDecimal> accepted = all.accepted().getOrDefault(id, List.of());
            for (Database.Applied row : log.subList(1, log.size())) {
                BigDecimal amount = row.amount();
                times.merge(amount, 1, Integer::sum);
                appliedSum = appliedSum.add(amount);
                // per client and account, the accepted deposits in the order sent (an unanswered one may
                // come later: its server died with the send prepared, and committed it when it recovered)
                if (accepted.stream().anyMatch(a -> a.compareTo(amount) == 0)) {
                    int client = LoadClient.clientOf(amount);
                    int number = LoadClient.numberOf(amount);
                    Integer before = lastNumberOfClient.put(client, number);
                    assertThat(before == null || before < number).as("%s: client %d's deposit %d applied after %d", id, client,
                            number, before).isTrue();
                }
            }
            for (BigDecimal amount : accepted) {
                assertThat(times.getOrDefault(amount, 0)).as("%s: accepted deposit %s applied", id, amount).isEqualTo(1);
            }
            for (BigDecimal amount : all.refused().getOrDefault(id, List.of())) {
                assertThat(times.getOrDefault(amount, 0)).as("%s: refused deposit %s applied", id, amount).isZero();
            }
            for (BigDecimal amount : all.unanswered().getOrDefault(id, List.of())) {
                int applied = times.getOrDefault(amount, 0);
                assertThat(applied).as("%s: unanswered deposit %s applied", id, amount).isLessThanOrEqualTo(1);
                unansweredApplied += applied;
            }
            // nothing applied that no client sent
            assertThat(times.keySet()).as(id).allMatch(amount -> all.wasSent(id, amount));
        }
        Figures.record("scale-out: " + unansweredApplied + " of " + count(all.unanswered()) + " unanswered deposits were applied");
        assertThat(count(all.accepted())).isGreaterThan(total / 2);

        // every entity and every view hold the sum of what was applied
        BigDecimal balances = BigDecimal.ZERO;
        for (String id : accounts) {
            List<Database.Applied> log = logs.get(id);
            BigDecimal expected = log.subList(1, log.size()).stream().map(Database.Applied::amount)
                    .reduce(new BigDecimal("1000"), BigDecimal::add);
            assertThat(Database.balance(id)).as(id).hasValueSatisfying(b -> assertThat(b).isEqualByComparingTo(expected));
            Http.Reply view = Http.get(Server.values()[Math.abs(id.hashCode()) % 3].uri("/api/accounts/" + id));
            assertThat(view.json().getJsonNumber("currentBalance").bigDecimalValue()).as("view of %s", id).isEqualByComparingTo(expected);
            assertThat(view.json().getJsonNumber("sequenceNo").longValue()).as("view of %s", id).isEqualTo(log.size());
            balances = balances.add(expected);
        }
        assertThat(balances).isEqualByComparingTo(appliedSum.add(BigDecimal.valueOf(1000L * ACCOUNTS)));
        assertThat(Database.deadLetters(run)).isEmpty();
    }

    private static int count(Map<String, List<BigDecimal>> byAccount) {
        return byAccount.values().stream().mapToInt(List::size).sum();
    }
}
