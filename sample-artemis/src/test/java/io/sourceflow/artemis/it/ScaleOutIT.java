package io.sourceflow.artemis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sourceflow.artemis.it.Servers.Server;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * 6,000 commands over 200 accounts from 8 clients spread over the three servers, while Liberty B
 * is killed (kill -9) and started again (and takes work: for a while it is the only consumer), and
 * later the broker is stopped and started again: nothing stays in doubt (the REST API's sends commit
 * in one phase with the broker alone, the handlers keep their sends in the outbox and relay them in
 * one phase too; should a two-phase commit be left prepared, the servers' transaction managers
 * complete it, Liberty's through the adapter of sourceflow-artemis-rar). Every client
 * sends its deposits to an account one after another and numbers them (the amount is the number plus
 * the client's own cents), so the log shows per client and account the order in which they were
 * applied. What the servers accepted (202) is applied exactly once, in the order sent; what they
 * refused is not applied; a request that got no answer is applied at most once, possibly after the
 * client's later ones (its server died during the commit and finished it after its restart, or the
 * broker went away during the commit and the answer said the outcome is unknown).
 *
 * <p>The MDBs acknowledge after their work committed ({@code NOT_SUPPORTED}), so no delivery is ever
 * held prepared on the broker: {@link InDoubtWatch} sees none. (Under container-managed transactions
 * a delivery that B's transaction had prepared when B was killed stayed out of the queue until B's
 * recovery rolled it back, and a CI run saw it applied after its account's later deposits.)
 */
class ScaleOutIT extends UnderLoad {

    static final int ACCOUNTS = 200;
    static final int CLIENTS = 8;
    static final int COMMANDS = 6_000;
    static final int DEPOSITS_PER_CLIENT = (COMMANDS - ACCOUNTS) / CLIENTS;

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
        load = Load.open(run, ACCOUNTS);
        List<String> accounts = load.accounts();

        // when: 8 clients send 5,800 deposits over the three servers; B is killed at a quarter of them
        // and started again
        long start = System.nanoTime();
        InDoubtWatch inDoubt = InDoubtWatch.start();
        load.start(CLIENTS, DEPOSITS_PER_CLIENT);
        int total = CLIENTS * DEPOSITS_PER_CLIENT;
        await("a quarter sent").atMost(Duration.ofMinutes(10)).until(() -> load.progress() >= total / 4);
        // held at half while B restarts and A and C stop consuming: B alone then gets commands still to come
        // (a restart slower than the clients once saw every deposit sent and applied before B was back)
        load.holdAt(total / 2);
        Servers.kill(Server.B);
        Figures.record("scale-out: B killed after " + load.progress() + " deposits");
        Servers.start(Server.B);
        Figures.record("scale-out: B started again after " + load.progress() + " deposits");
        // B takes work again: with A's and C's command MDBs stopped for a while, B's sessions are the
        // only consumers, the accounts move to them, and the logs keep growing
        Servers.commandListener(Server.A, false);
        Servers.wildflyCommandListener(false);
        await("only B consumes").atMost(Duration.ofMinutes(1)).until(Broker::consumerCount, n -> n == Servers.commandSessions());
        long loggedBefore = Database.commandCount(run + "-%");
        load.release();
        await("B applies commands").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> Database.commandCount(run + "-%") >= loggedBefore + 100);
        Servers.commandListener(Server.A, true);
        Servers.wildflyCommandListener(true);
        Figures.record("scale-out: B alone applied 100 commands; A and C consume again after " + load.progress() + " deposits");
        // the broker stops (the sends in the middle of their two-phase commits stay prepared)
        // and starts again; meanwhile the servers refuse writes with 503
        await("three fifths sent").atMost(Duration.ofMinutes(10)).until(() -> load.progress() >= total * 3 / 5);
        Broker.stop();
        int whenStopped = load.progress();
        Figures.record("scale-out: broker stopped after " + whenStopped + " deposits");
        // the clients meet the outage: each has been answered while the broker was down (503 after a few s)
        await("the clients refused while the broker is down").atMost(Duration.ofMinutes(1))
                .until(() -> load.progress() >= whenStopped + CLIENTS || load.progress() >= total);
        Broker.start();
        long restarted = System.nanoTime();
        Figures.record("scale-out: broker started again after " + load.progress() + " deposits, holding "
                + Broker.preparedTransactions() + " prepared transactions");
        LoadClient.Sent all = load.finish(20);

        // then: every consumer is back (B took its sessions again), nothing stays in doubt on the broker,
        // and the queues drain
        Servers.awaitConsumers(3 * Servers.commandSessions(), 2 * Servers.eventSessions());
        try {
            await("no transaction in doubt, the command queue and the views' subscription drained")
                    .atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> Broker.preparedTransactions() == 0 && Broker.messageCount() == 0 && Broker.viewMessageCount() == 0);
        } catch (ConditionTimeoutException stuck) {
            // say which part stayed, for the next run's reader
            throw new AssertionError("Not drained 10 min after the broker's restart: prepared transactions "
                    + Broker.preparedTransactions() + " " + Broker.prepared() + ", command queue " + Broker.messageCount()
                    + " messages (" + Broker.consumerCount() + " consumers), views' subscription " + Broker.viewMessageCount()
                    + " messages (" + Broker.viewConsumerCount() + " consumers)", stuck);
        }
        Figures.record("scale-out: no prepared transaction and the queues drained " + Duration.ofNanos(System.nanoTime()
                - restarted).toMillis() + " ms after the broker's restart");
        long tookMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        Figures.record("scale-out: " + ACCOUNTS + " openings and " + total + " deposits; deposits accepted " + count(all.accepted())
                + ", refused " + count(all.refused()) + ", unanswered " + count(all.unanswered()) + "; all applied and projected "
                + tookMillis + " ms after the first deposit");

        inDoubt.close();
        Figures.record("scale-out: the broker held " + inDoubt.sendsHeld() + " sends prepared for a second or more");
        AppliedOnce.Totals totals = AppliedOnce.check(accounts, all, run + "-%", inDoubt);
        Figures.record("scale-out: " + totals.unansweredApplied() + " of " + count(all.unanswered())
                + " unanswered deposits were applied");
        assertThat(inDoubt.held()).as("deliveries the broker held prepared for a second or more").isEmpty();
        assertThat(count(all.accepted())).isGreaterThan(total / 2);

        // every view (read from a server chosen per account) equals its entity
        Map<String, List<Database.Applied>> logs = Database.applied(run + "-%");
        for (String id : accounts) {
            BigDecimal balance = Database.balance(id).orElseThrow();
            Http.Reply view = Http.get(Server.values()[Math.abs(id.hashCode()) % 3].uri("/api/accounts/" + id));
            assertThat(view.json().getJsonNumber("currentBalance").bigDecimalValue()).as("view of %s", id).isEqualByComparingTo(balance);
            assertThat(view.json().getJsonNumber("sequenceNo").longValue()).as("view of %s", id).isEqualTo(logs.get(id).size());
        }
        assertThat(Database.deadLetters(run)).isEmpty();
    }

    private static int count(Map<String, List<BigDecimal>> byAccount) {
        return AppliedOnce.count(byAccount);
    }
}
