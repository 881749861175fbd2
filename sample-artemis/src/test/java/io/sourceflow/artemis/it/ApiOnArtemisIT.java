package io.sourceflow.artemis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.sourceflow.artemis.it.Database.Logged;
import io.sourceflow.artemis.it.Http.Reply;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Commands posted to the REST API are handled on the server (the account saga runs here), and the
 * events they raise are published to the broker's event address in the same transaction
 * (role commands: routed-events=*), through the resource adapter's connection factory.
 */
class ApiOnArtemisIT {

    @BeforeAll
    static void serverIsReady() {
        Server.awaitReady();
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

        // then
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        assertThat(deposited.status()).as("%s", deposited).isEqualTo(200);
        assertThat(deposited.json().getJsonNumber("currentBalance").bigDecimalValue()).isEqualByComparingTo("125.50");
        assertThat(Database.log(id)).extracting(Logged::sequenceNo, Logged::typeAlias)
                .containsExactly(tuple(1L, "bank.CreateAccount"),
                        tuple(2L, "bank.DepositMoney"));
        assertThat(Database.balance(id)).hasValueSatisfying(balance -> assertThat(balance).isEqualByComparingTo("125.50"));
        // each command raised at least one event, and the broker's event address took every one
        assertThat(Broker.eventsTaken() - eventsBefore).isGreaterThanOrEqualTo(2);
    }
}
