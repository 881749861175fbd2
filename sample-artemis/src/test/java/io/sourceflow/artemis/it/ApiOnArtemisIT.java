package io.sourceflow.artemis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import io.sourceflow.artemis.it.Database.Logged;
import io.sourceflow.artemis.it.Http.Reply;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Commands posted to the REST API are sent to the broker's command queue (202 Accepted) and handled
 * by whichever server the broker gives the account; the events they raise are published to the
 * event address in the same transaction, and the views' shared subscription projects them once, into
 * the database every server reads.
 */
class ApiOnArtemisIT {

    @BeforeAll
    static void serverIsReady() {
        Servers.awaitAllReady();
    }

    @Test
    void commandsPostedToTheApiAreAppliedAndTheirEventsReachTheBroker() {
        // given
        String id = "api-" + UUID.randomUUID();
        long eventsBefore = Broker.eventsTaken();

        // when
        Reply opened = Http.postJson(Http.server("/api/accounts"),
                "{\"id\":\"" + id + "\",\"accountName\":\"Jane Artemis\",\"initialAmount\":100}");
        Reply deposited = Http.postJson(Http.server("/api/accounts/" + id + "/deposits"), "{\"amount\":25.50}");

        // then: accepted (sent to the queue), then handled by one of the servers
        assertThat(opened.status()).as("%s", opened).isEqualTo(202);
        assertThat(deposited.status()).as("%s", deposited).isEqualTo(202);
        await("both commands handled").atMost(Duration.ofMinutes(1)).until(() -> Database.log(id).size() == 2);
        assertThat(Database.log(id)).extracting(Logged::sequenceNo, Logged::typeAlias)
                .containsExactly(tuple(1L, "bank.CreateAccount"),
                        tuple(2L, "bank.DepositMoney"));
        assertThat(Database.balance(id)).hasValueSatisfying(balance -> assertThat(balance).isEqualByComparingTo("125.50"));
        // each command raised at least one event, and the broker's event address took every one ...
        assertThat(Broker.eventsTaken() - eventsBefore).isGreaterThanOrEqualTo(2);
        // ... which the views' shared subscription projected: the view is the same on every server
        for (Servers.Server server : Servers.Server.values()) {
            JsonObject view = await("view on " + server).atMost(Duration.ofMinutes(1))
                    .until(() -> Http.get(server.uri("/api/accounts/" + id)).json(),
                            json -> json.getJsonNumber("sequenceNo").longValue() == 2);
            assertThat(view.getJsonNumber("currentBalance").bigDecimalValue()).as("%s", server).isEqualByComparingTo("125.50");
        }
    }
}
