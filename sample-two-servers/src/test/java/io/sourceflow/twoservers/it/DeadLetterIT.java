package io.sourceflow.twoservers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sourceflow.twoservers.it.Http.Reply;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Poison messages sent straight to A's command queue are parked in A's dead-letter table after
 * {@code sourceflow.jms.max-deliveries} (3) deliveries, the queue keeps flowing, and the sample's
 * dead-letter endpoints list, show and re-drive them.
 */
class DeadLetterIT {

    private static final int MAX_DELIVERIES = 3;

    @BeforeAll
    static void serversAreReady() {
        Servers.awaitReady();
    }

    @Test
    void malformedJsonIsParkedWithItsErrorAndTheNextCommandIsProcessed() {
        // given
        String id = Accounts.opened("poison-json", "10");
        String marker = UUID.randomUUID().toString();

        // when
        Reply sent = Http.postText(Servers.a("/sourceflow-probe/probe/commands?group=" + id), "{\"kind\":\"command\", " + marker);
        Reply next = Accounts.deposit(id, BigDecimal.ONE);

        // then
        assertThat(sent.status()).as("%s", sent).isEqualTo(204);
        assertThat(next.status()).as("%s", next).isEqualTo(202);
        String letterId = awaitDeadLetter(marker);
        JsonObject letter = Http.get(Servers.a("/api/dead-letters/" + letterId)).json();
        assertThat(letter.getString("destination")).isEqualTo("jms/sourceflow/commands");
        assertThat(letter.getString("body")).isEqualTo("{\"kind\":\"command\", " + marker);
        assertThat(letter.getInt("deliveryCount")).isEqualTo(MAX_DELIVERIES);
        assertThat(letter.getString("error")).contains("MessageFormatException");
        assertThat(letter.containsKey("redrivenOn")).as("re-driven").isFalse();
        Accounts.awaitView(id, 2);
        assertThat(Databases.logOnA(id)).hasSize(2);
        assertThat(Databases.viewOnB(id)).map(Databases.Account::balance).contains(new BigDecimal("11"));
    }

    @Test
    void anUnknownAliasIsParkedListedAndReDrivenOnce() throws Exception {
        // given: a well-formed envelope of a type nobody knows
        String id = Accounts.opened("poison-alias", "10");
        String messageId = UUID.randomUUID().toString();
        String body = "{\"kind\":\"command\",\"type\":\"bank.NoSuchCommand\",\"metadata\":{\"correlationId\":\"" + messageId
                + "\",\"entityId\":\"" + id + "\",\"messageId\":\"" + messageId + "\",\"occurredOn\":\"2026-11-26T00:00:00Z\","
                + "\"origin\":\"LOCAL\",\"properties\":{},\"replay\":false,\"sequenceNo\":0},\"payload\":{}}";

        // when
        Http.postText(Servers.a("/sourceflow-probe/probe/commands?group=" + id), body);
        Reply next = Accounts.deposit(id, BigDecimal.TEN);

        // then: parked with its type, entity and error, listed; the queue went on
        String letterId = awaitDeadLetter(messageId);
        assertThat(next.status()).isEqualTo(202);
        Accounts.awaitView(id, 2);
        List<String> listed = Http.get(Servers.a("/api/dead-letters?max=500")).array().stream()
                .map(v -> v.asJsonObject().getString("id")).toList();
        assertThat(listed).contains(letterId);
        JsonObject letter = Http.get(Servers.a("/api/dead-letters/" + letterId)).json();
        assertThat(letter.getString("messageId")).isEqualTo(messageId);
        assertThat(letter.getString("type")).isEqualTo("bank.NoSuchCommand");
        assertThat(letter.getString("entityId")).isEqualTo(id);
        assertThat(letter.getInt("deliveryCount")).isEqualTo(MAX_DELIVERIES);
        assertThat(letter.getString("error")).contains("bank.NoSuchCommand");
        assertThat(letter.getJsonObject("headers").getString("JMSXGroupID")).isEqualTo(id);

        // when: re-driven (the cause is not fixed, so it is parked again as a new letter)
        Reply redriven = Http.postJson(Servers.a("/api/dead-letters/" + letterId + "/redrive"), "");
        Reply again = Http.postJson(Servers.a("/api/dead-letters/" + letterId + "/redrive"), "");

        // then
        assertThat(redriven.status()).as("%s", redriven).isEqualTo(200);
        assertThat(redriven.json().getString("redrivenOn")).isNotBlank();
        assertThat(again.status()).as("%s", again).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().getString("type")).endsWith(":conflict");
        assertThat(again.json().getString("detail")).contains(letterId).contains("re-driven");
        assertThat(Servers.incidentsNaming("a", letterId)).as("incidents (FFDC) for the refused second re-drive").isEmpty();
        await("parked again").atMost(Duration.ofMinutes(1)).until(() -> Databases.deadLettersOnA(messageId).size() == 2);
        List<String> withRedriven = Http.get(Servers.a("/api/dead-letters?includeRedriven=true&max=500")).array().stream()
                .map(v -> v.asJsonObject().getString("id")).toList();
        assertThat(withRedriven).containsAll(Databases.deadLettersOnA(messageId));
        assertThat(Http.get(Servers.a("/api/dead-letters?max=500")).array().stream()
                .map(v -> v.asJsonObject().getString("id"))).doesNotContain(letterId);
        assertThat(Databases.logOnA(id)).hasSize(2);
    }

    @Test
    void unknownDeadLettersAndBadParametersAreProblems() {
        Reply missing = Http.get(Servers.a("/api/dead-letters/no-such-letter"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().getString("type")).endsWith(":not-found");
        assertThat(missing.json().getString("detail")).contains("no-such-letter");

        Reply redriveMissing = Http.postJson(Servers.a("/api/dead-letters/no-such-letter/redrive"), "");
        assertThat(redriveMissing.status()).isEqualTo(404);
        assertThat(redriveMissing.json().getString("instance")).isEqualTo("/api/dead-letters/no-such-letter/redrive");

        Reply deleteMissing = Http.delete(Servers.a("/api/dead-letters/no-such-letter"));
        assertThat(deleteMissing.status()).isEqualTo(404);

        Reply filtered = Http.get(Servers.a("/api/dead-letters?type=bank.Nope&entityId=none&parkedFrom=2026-01-01T00:00:00Z"
                + "&first=0&max=5"));
        assertThat(filtered.status()).as(filtered.body()).isEqualTo(200);
        assertThat(filtered.array()).isEmpty();
        Reply malformed = Http.get(Servers.a("/api/dead-letters?parkedBefore=yesterday"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().getString("detail")).contains("parkedBefore").contains("2026-11-30T12:00:00Z");

        Reply badMax = Http.get(Servers.a("/api/dead-letters?max=0"));
        assertThat(badMax.status()).isEqualTo(400);
        assertThat(badMax.json().getString("detail")).contains("max");
        Reply badFlag = Http.get(Servers.a("/api/dead-letters?includeRedriven=maybe"));
        assertThat(badFlag.status()).isEqualTo(400);
        assertThat(badFlag.json().getString("detail")).contains("includeRedriven");

        assertThat(Http.get(Servers.b("/api/dead-letters")).array()).as("B received nothing it could not process").isEmpty();
    }

    private static String awaitDeadLetter(String bodyPart) {
        await("dead letter with " + bodyPart).atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> !Databases.deadLettersOnA(bodyPart).isEmpty());
        return Databases.deadLettersOnA(bodyPart).get(0);
    }
}
