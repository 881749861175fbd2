package io.sourceflow.artemis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sourceflow.artemis.it.Servers.Server;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With no command consumer left (B killed, WildFly C's and A's command MDBs stopped), A's REST API
 * still accepts commands (202): they wait in the broker and are applied once consumers return.
 */
class CommandsWaitForConsumersIT {

    @BeforeAll
    static void serversAreReady() {
        Servers.awaitAllReady();
    }

    @AfterAll
    static void consumersAreBack() throws Exception {
        // whatever happened above: the next test class finds every consumer running
        Servers.commandListener(Server.A, true);
        Servers.wildflyCommandListener(true);
        if (!Http.reachable(Server.B.health())) {
            Servers.start(Server.B);
        }
    }

    @Test
    void commandsAcceptedWhileNoServerConsumesAreAppliedWhenTheyReturn() throws Exception {
        // given: an account, and then no command consumer anywhere
        String id = "wait-" + UUID.randomUUID();
        String open = "{\"id\":\"" + id + "\",\"accountName\":\"Wanda Wait\",\"initialAmount\":5}";
        assertThat(Http.postJson(Server.A.uri("/api/accounts"), open).status()).isEqualTo(202);
        await("account opened").atMost(Duration.ofMinutes(1)).until(() -> Database.log(id).size() == 1);
        Servers.kill(Server.B);
        Servers.wildflyCommandListener(false);
        Servers.commandListener(Server.A, false);
        await("no consumer on the command queue").atMost(Duration.ofMinutes(1)).until(Broker::consumerCount, count -> count == 0);

        // when
        for (int d = 1; d <= 10; d++) {
            Http.Reply reply = Http.postJson(Server.A.uri("/api/accounts/" + id + "/deposits"), "{\"amount\":" + d + "}");
            // then: accepted, and waiting in the broker
            assertThat(reply.status()).as("%s", reply).isEqualTo(202);
        }
        assertThat(Broker.messageCount()).isGreaterThanOrEqualTo(10);
        assertThat(Database.log(id)).hasSize(1);

        // when the consumers return
        long back = System.nanoTime();
        Servers.start(Server.B);
        Servers.wildflyCommandListener(true);
        Servers.commandListener(Server.A, true);

        // then: applied, in the order sent
        await("the waiting deposits applied").atMost(Duration.ofMinutes(2)).until(() -> Database.log(id).size() == 11);
        Figures.record("consumers back: 10 waiting deposits applied " + Duration.ofNanos(System.nanoTime() - back).toMillis()
                + " ms after B's start began");
        assertThat(Database.applied(id).get(id).subList(1, 11)).extracting(Database.Applied::amount)
                .extracting(BigDecimal::intValue).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(Database.balance(id)).hasValueSatisfying(balance -> assertThat(balance).isEqualByComparingTo("60"));
        Servers.awaitConsumers(3 * Servers.commandSessions(), 2 * Servers.eventSessions());
    }
}
