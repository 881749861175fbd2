package io.sourceflow.artemis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sourceflow.artemis.it.Database.Logged;
import io.sourceflow.artemis.it.Servers.Server;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Server A is killed while its database commit of a command is held (issue 13, item 3). The command
 * MDB runs without a transaction, so the receiver keeps the events the work sends in the outbox,
 * committed with the work in one database transaction on the default non-XA data source, and sends
 * them after the commit, before the message is acknowledged. Killed in that commit, A leaves the
 * message unacknowledged; when A is back it is delivered again, the inbox finds the deposit
 * processed, and the event still kept is sent: applied once, its event published once, before the
 * next deposit's. (Before the outbox, the events were sent in a two-phase commit beside the
 * database, committed as last participant: recovery rolled the broker's branch back and the event
 * was lost; only the XA data source closed that window.)
 */
class CrashWindowIT {

    /** The data source A was last started with. */
    private static String aDatabase = "postgresql";

    @BeforeAll
    static void serversAreReady() {
        Servers.awaitAllReady();
    }

    @AfterAll
    static void everyServerTakesCommandsAgain() throws Exception {
        // whatever happened above: A runs on the default data source
        if (!"postgresql".equals(aDatabase) && Http.reachable(Server.A.health())) {
            Servers.kill(Server.A);
        }
        if (!Http.reachable(Server.A.health())) {
            Servers.database(Server.A, "postgresql");
            Servers.start(Server.A);
        }
        Servers.commandListener(Server.B, true);
        Servers.wildflyCommandListener(true);
        Servers.awaitConsumers(3 * Servers.commandSessions(), 2 * Servers.eventSessions());
    }

    @Test
    void theEventOfACommandCommittedBeforeTheCrashIsPublishedOnceBeforeTheNextOnes() throws Exception {
        // given: A on the default, non-XA data source
        restartA("postgresql");

        // when
        Outcome outcome = crashInTheCommit("COMMIT");

        // then: applied once (its redelivery skipped by the inbox), and its event, kept in the outbox,
        // published once, before the next deposit's
        assertThat(outcome.logged()).extracting(Logged::messageId).containsOnlyOnce(outcome.deposit());
        assertThat(Database.inboxRows(outcome.deposit())).isEqualTo(1);
        List<String> events = outcome.events().stream()
                .filter(body -> body.contains(outcome.deposit()) || body.contains(outcome.next())).toList();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).contains(outcome.deposit());
        assertThat(events.get(1)).contains(outcome.next());
        assertThat(Database.outboxRows()).isZero();
    }

    @Test
    void theSameWithTheXaDataSource() throws Exception {
        // given: A on the XA data source (for MDBs with container-managed transactions): the work's
        // transaction holds the database alone, so it commits in one phase there too
        restartA("postgresql-xa");

        // when
        Outcome outcome = crashInTheCommit("COMMIT");

        // then
        assertThat(outcome.logged()).extracting(Logged::messageId).containsOnlyOnce(outcome.deposit());
        List<String> events = outcome.events().stream()
                .filter(body -> body.contains(outcome.deposit()) || body.contains(outcome.next())).toList();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).contains(outcome.deposit());
        assertThat(Database.outboxRows()).isZero();
    }

    /**
     * What one crash left: the account's log, the message ids of the deposit A was killed in and of
     * a deposit sent after A was back, and the bodies of the events published meanwhile.
     */
    private record Outcome(List<Logged> logged, String deposit, String next, List<String> events) {
    }

    /**
     * Opens an account on A alone (B's and C's command MDBs paused), holds A's commit of a deposit at
     * the gate, kills A there, lets the statement finish, starts A again and waits until recovery
     * resolved every prepared transaction and the queue is empty; then sends one more deposit.
     */
    private Outcome crashInTheCommit(String heldStatement) throws Exception {
        String id = "crash-" + UUID.randomUUID();
        Servers.commandListener(Server.B, false);
        Servers.wildflyCommandListener(false);
        Servers.awaitConsumers(Servers.commandSessions(), 2 * Servers.eventSessions());
        try (CrashGate gate = CrashGate.install(); EventProbe probe = EventProbe.subscribe("crash-probe")) {
            assertThat(Http.postJson(Server.A.uri("/api/accounts"), "{\"id\":\"" + id + "\",\"accountName\":\"Cass Crash\","
                    + "\"initialAmount\":10}").status()).isEqualTo(202);
            await("account opened").atMost(Duration.ofMinutes(1)).until(() -> Database.log(id).size() == 1);
            gate.hold(id);

            Http.Reply deposit = Http.postJson(Server.A.uri("/api/accounts/" + id + "/deposits"), "{\"amount\":5}");
            assertThat(deposit.status()).as("%s", deposit).isEqualTo(202);
            assertThat(gate.awaitHeld()).startsWith(heldStatement);
            Servers.kill(Server.A);
            gate.release(id);
            gate.open();
            Servers.start(Server.A);
            await("recovery resolved every prepared transaction, and the queue is empty").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> CrashGate.preparedTransactions() == 0 && Broker.preparedTransactions() == 0
                            && Broker.messageCount() == 0);

            Http.Reply next = Http.postJson(Server.A.uri("/api/accounts/" + id + "/deposits"), "{\"amount\":1}");
            assertThat(next.status()).as("%s", next).isEqualTo(202);
            String nextId = next.json().getString("messageId");
            await("the next deposit applied").atMost(Duration.ofMinutes(1))
                    .until(() -> Database.log(id).stream().anyMatch(l -> l.messageId().equals(nextId)));
            List<String> events = new ArrayList<>();
            await("the next deposit's event").atMost(Duration.ofMinutes(1)).until(() -> {
                events.addAll(probe.bodies());
                return events.stream().anyMatch(body -> body.contains(nextId));
            });
            return new Outcome(Database.log(id), deposit.json().getString("messageId"), nextId, events);
        } finally {
            Servers.commandListener(Server.B, true);
            Servers.wildflyCommandListener(true);
        }
    }

    private static void restartA(String database) throws Exception {
        if (database.equals(aDatabase)) {
            return;
        }
        Servers.kill(Server.A);
        Servers.database(Server.A, database);
        aDatabase = database;
        Servers.start(Server.A);
        Servers.awaitConsumers(3 * Servers.commandSessions(), 2 * Servers.eventSessions());
    }
}
