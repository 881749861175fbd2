package io.sourceflow.sample.wildfly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sourceflow.sample.it.SampleServer;
import io.sourceflow.sample.it.SampleServer.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two WildFly servers with the same WAR: B (role views, ../wildfly-config/role-views.cli) has no
 * account saga and routes its commands to the queue of A's broker; A (the main test server) handles
 * and logs them and publishes the events to its topic, from which B's event MDB projects B's own view.
 */
class CommandsBetweenTwoWildFlyServersIT {

    @BeforeAll
    static void serversAreReady() {
        SampleServer.awaitReady();
        URI health = URI.create(System.getProperty("sample.b.health.url"));
        await("server B ready at " + health).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> SampleServer.send(HttpRequest.newBuilder(health).GET(), Map.of()).status() == 200);
    }

    @Test
    void aCommandPostedToBIsLoggedOnAAndProjectedIntoBsView() {
        // given
        String id = "two-" + UUID.randomUUID();

        // when
        Reply opened = postToB("/api/accounts", "{\"id\": \"" + id + "\", \"accountName\": \"Jane Two\", \"initialAmount\": 100}");
        Reply deposited = postToB("/api/accounts/" + id + "/deposits", "{\"amount\": 25.50}");

        // then: B accepted both, A logged them in order under the ids B named
        assertThat(opened.status()).as(opened.body()).isEqualTo(202);
        assertThat(deposited.status()).as(deposited.body()).isEqualTo(202);
        String openId = opened.object().getString("messageId");
        String depositId = deposited.object().getString("messageId");
        List<JsonValue> log = await("A's log of " + id).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> history(SampleServer.get("/api/accounts/" + id + "/history")), entries -> entries.size() == 2);
        assertThat(log).extracting(e -> e.asJsonObject().getString("messageId")).containsExactly(openId, depositId);
        assertThat(log).extracting(e -> e.asJsonObject().getString("type"))
                .containsExactly("bank.CreateAccount", "bank.DepositMoney");
        // B's view follows A's events
        JsonObject view = await("B's view of " + id).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> getFromB("/api/accounts/" + id),
                        reply -> reply.status() == 200 && reply.object().getJsonNumber("sequenceNo").longValue() == 2)
                .object();
        assertThat(view.getJsonNumber("currentBalance").bigDecimalValue()).isEqualByComparingTo("125.50");
        assertThat(view.getString("accountName")).isEqualTo("Jane Two");
        // and A's own view agrees
        JsonObject onA = SampleServer.get("/api/accounts/" + id).object();
        assertThat(onA.getJsonNumber("currentBalance").bigDecimalValue()).isEqualByComparingTo("125.50");
    }

    private static List<JsonValue> history(Reply reply) {
        return reply.status() == 200 ? reply.array() : List.of();
    }

    private static URI b(String path) {
        return URI.create("http://127.0.0.1:" + System.getProperty("sample.b.http.port")).resolve(path);
    }

    private static Reply postToB(String path, String json) {
        return SampleServer.send(HttpRequest.newBuilder(b(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), Map.of());
    }

    private static Reply getFromB(String path) {
        return SampleServer.send(HttpRequest.newBuilder(b(path)).GET(), Map.of());
    }
}
