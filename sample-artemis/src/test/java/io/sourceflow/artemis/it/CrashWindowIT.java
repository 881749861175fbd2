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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Server A is killed while its database commit of a command is held (issue 13, item 3). With the
 * default non-XA data source (last participant) the database commits before the transaction log
 * records the outcome, so recovery rolls back the broker's branch: the command stays applied, its
 * redelivery is skipped by the inbox, and the event it published is lost. With the XA data source
 * the database only prepares before the log records the outcome: recovery rolls both back, the
 * redelivered command is applied once and its event arrives once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
    @Order(1)
    void withoutXaTheEventOfACommandCommittedBeforeTheCrashIsLost() throws Exception {
        // given: A on the non-XA data source
        restartA("postgresql");

        // when
        Outcome outcome = crashInTheCommit("COMMIT");

        // then: the deposit is applied and its redelivery skipped, but its event never arrived
        assertThat(outcome.logged()).extracting(Logged::messageId).containsOnlyOnce(outcome.deposit());
        assertThat(Database.inboxRows(outcome.deposit())).isEqualTo(1);
        assertThat(outcome.events()).noneMatch(body -> body.contains(outcome.deposit()));
        assertThat(outcome.events()).anyMatch(body -> body.contains(outcome.next()));
    }

    @Test
    @Order(2)
    void withXaNothingIsLostAndNothingDoubled() throws Exception {
        // given: A on the XA data source, which needs PostgreSQL's prepared transactions
        assertThat(CrashGate.maxPreparedTransactions()).as("PostgreSQL's max_prepared_transactions: set it above 0"
                + " (ALTER SYSTEM SET max_prepared_transactions = 100, then restart PostgreSQL; .ci/run does)").isPositive();
        restartA("postgresql-xa");

        // when
        Outcome outcome = crashInTheCommit("PREPARE TRANSACTION");

        // then: applied once, after the redelivery, and its event arrived once, before the next one's
        assertThat(outcome.logged()).extracting(Logged::messageId).containsOnlyOnce(outcome.deposit());
        assertThat(Database.inboxRows(outcome.deposit())).isEqualTo(1);
        List<String> events = outcome.events().stream()
                .filter(body -> body.contains(outcome.deposit()) || body.contains(outcome.next())).toList();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).contains(outcome.deposit());
        assertThat(events.get(1)).contains(outcome.next());
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
