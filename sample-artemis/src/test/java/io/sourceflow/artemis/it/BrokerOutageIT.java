package io.sourceflow.artemis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sourceflow.artemis.it.Broker.Outgoing;
import io.sourceflow.artemis.it.Database.Logged;
import io.sourceflow.artemis.it.Http.Reply;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * While the broker is down the REST API refuses writes with 503 within seconds (the command cannot be
 * sent, so nothing is done); once the broker is back the API accepts writes again, and the MDB
 * sessions of all three servers reconnect by themselves.
 */
class BrokerOutageIT {

    @BeforeAll
    static void serverIsReady() {
        Servers.awaitAllReady();
    }

    @AfterAll
    static void brokerIsBack() throws Exception {
        // whatever happened above: the next test class finds the broker running
        if (!Broker.answers()) {
            Broker.start();
        }
    }

    @Test
    void writesAreRefusedWhileTheBrokerIsDownAndAcceptedOnceItIsBack() throws Exception {
        // given: an account
        String id = "outage-" + UUID.randomUUID();
        Reply opened = Http.postJson(Http.server("/api/accounts"),
                "{\"id\":\"" + id + "\",\"accountName\":\"Joe Outage\",\"initialAmount\":10}");
        assertThat(opened.status()).as("%s", opened).isEqualTo(202);
        await("account opened").atMost(Duration.ofMinutes(1)).until(() -> Database.log(id).size() == 1);

        // when the broker stops
        Broker.stop();
        long start = System.nanoTime();
        Reply refused = Http.postJson(Http.server("/api/accounts/" + id + "/deposits"), "{\"amount\":1}");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        Figures.record("broker down: first deposit answered " + refused.status() + " after " + took.toMillis() + " ms");

        // then: refused, quickly, and nothing done
        assertThat(refused.status()).as("%s", refused).isEqualTo(503);
        assertThat(refused.body()).contains("unavailable");
        assertThat(took).as("time to refuse").isLessThan(Duration.ofSeconds(30));
        assertThat(Database.log(id)).hasSize(1);
        assertThat(Database.balance(id)).hasValueSatisfying(balance -> assertThat(balance).isEqualByComparingTo("10"));

        // when the broker is back
        long restart = System.nanoTime();
        Broker.start();

        // then: the API takes writes again (each refused attempt did nothing) ...
        Reply accepted = await("a deposit accepted after the restart").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> Http.postJson(Http.server("/api/accounts/" + id + "/deposits"), "{\"amount\":5}"),
                        reply -> reply.status() != 503);
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        await("the accepted deposit handled").atMost(Duration.ofMinutes(2)).until(() -> Database.log(id).size() == 2);
        Figures.record("broker restarted: a deposit accepted " + Duration.ofNanos(System.nanoTime() - restart).toMillis()
                + " ms after the restart began");
        assertThat(Database.log(id)).extracting(Logged::sequenceNo).containsExactly(1L, 2L);
        assertThat(Database.balance(id)).hasValueSatisfying(balance -> assertThat(balance).isEqualByComparingTo("15"));

        // ... and every MDB session of the three servers is back and handles a command sent there
        Servers.awaitConsumers(3 * Servers.commandSessions(), 2 * Servers.eventSessions());
        Figures.record("broker restarted: the MDB sessions of all three servers back " + Duration.ofNanos(System.nanoTime() - restart)
                .toMillis() + " ms after the restart began");
        String messageId = UUID.randomUUID().toString();
        Broker.send(List.of(new Outgoing(id, Envelopes.deposit(id, messageId, "7"))));
        await("the queued deposit handled").atMost(Duration.ofMinutes(1)).until(() -> Database.log(id).size() == 3);
        assertThat(Database.log(id).get(2).messageId()).isEqualTo(messageId);
        assertThat(Database.balance(id)).hasValueSatisfying(balance -> assertThat(balance).isEqualByComparingTo("22"));
    }
}
