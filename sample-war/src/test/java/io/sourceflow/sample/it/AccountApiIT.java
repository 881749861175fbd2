package io.sourceflow.sample.it;

import static io.sourceflow.sample.it.SampleServer.get;
import static io.sourceflow.sample.it.SampleServer.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.sample.it.SampleServer.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every endpoint of the account API and every error status, over HTTP against the running sample. */
class AccountApiIT {

    private static final String ACCOUNTS = "/api/accounts";

    @BeforeAll
    static void serverIsReady() {
        SampleServer.awaitReady();
    }

    @Test
    void openDepositWithdrawReadTheViewAndTheHistory() {
        // given
        String id = newId();

        // when
        Reply opened = post(ACCOUNTS, open(id, "Jane Doe", "1000"));
        Reply deposited = post(ACCOUNTS + "/" + id + "/deposits", "{\"amount\": 500}");
        Reply withdrawn = post(ACCOUNTS + "/" + id + "/withdrawals", "{\"amount\": 200.50}");

        // then
        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.location()).endsWith(ACCOUNTS + "/" + id);
        assertThat(opened.sequenceNo()).isEqualTo(1);
        assertThat(decimal(opened.object(), "currentBalance")).isEqualByComparingTo("1000");
        assertThat(deposited.status()).isEqualTo(200);
        assertThat(deposited.sequenceNo()).isEqualTo(2);
        assertThat(decimal(deposited.object(), "currentBalance")).isEqualByComparingTo("1500");
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.sequenceNo()).isEqualTo(3);

        JsonObject view = get(opened.location().substring(opened.location().indexOf(ACCOUNTS))).object();
        assertThat(view.getString("id")).isEqualTo(id);
        assertThat(view.getString("accountName")).isEqualTo("Jane Doe");
        assertThat(decimal(view, "currentBalance")).isEqualByComparingTo("1299.50");
        assertThat(view.getInt("transactionCount")).isEqualTo(2);
        assertThat(view.getBoolean("closed")).isFalse();
        assertThat(view.getJsonNumber("sequenceNo").longValue()).isEqualTo(3);

        Reply history = get(ACCOUNTS + "/" + id + "/history");
        assertThat(history.status()).isEqualTo(200);
        List<JsonValue> entries = history.array();
        assertThat(entries).extracting(e -> e.asJsonObject().getJsonNumber("sequenceNo").longValue())
                .containsExactly(1L, 2L, 3L);
        assertThat(entries).extracting(e -> e.asJsonObject().getString("type"))
                .containsExactly("bank.CreateAccount", "bank.DepositMoney", "bank.WithdrawMoney");
        JsonObject withdrawal = entries.get(2).asJsonObject();
        assertThat(decimal(withdrawal.getJsonObject("payload"), "amount")).isEqualByComparingTo("200.50");
        assertThat(withdrawal.getJsonObject("payload").getJsonObject("entity").getString("id")).isEqualTo(id);
        assertThat(withdrawal.getString("occurredOn")).isNotBlank();
        assertThat(withdrawal.getString("messageId")).hasSize(36);
    }

    @Test
    void anAccountIdOverTheLimitIsAnInvalidRequest() {
        Reply badId = post(ACCOUNTS + "/" + "x".repeat(300) + "/deposits", "{\"amount\": 1}");

        assertThat(badId.status()).as(badId.body()).isEqualTo(400);
        assertThat(badId.body()).contains("has 300 characters, more than 255").contains("invalid-request");
    }

    @Test
    void openWithoutIdGeneratesOne() {
        Reply opened = post(ACCOUNTS, "{\"accountName\": \"No Id\", \"initialAmount\": 0}");

        assertThat(opened.status()).isEqualTo(201);
        String id = opened.object().getString("id");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(get(ACCOUNTS + "/" + id).status()).isEqualTo(200);
    }

    @Test
    void closeThenEveryChangeIsABusinessRuleViolation() {
        String id = opened("Closing", "10");

        Reply closed = post(ACCOUNTS + "/" + id + "/close", "{\"reason\": \"moving abroad\"}");
        Reply deposit = post(ACCOUNTS + "/" + id + "/deposits", "{\"amount\": 1}");
        Reply again = post(ACCOUNTS + "/" + id + "/close", "{\"reason\": \"twice\"}");

        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.object().getBoolean("closed")).isTrue();
        assertThat(closed.object().getString("closureReason")).isEqualTo("moving abroad");
        assertProblem(deposit, 422, "business-rule", "is closed");
        assertProblem(again, 422, "business-rule", "is closed");
        assertThat(get(ACCOUNTS + "/" + id + "/history").array()).hasSize(2);
        assertThat(get(ACCOUNTS + "/" + id + "/history?after=1&max=1").array()).singleElement()
                .satisfies(entry -> assertThat(entry.asJsonObject().getJsonNumber("sequenceNo").longValue()).isEqualTo(2));
        assertThat(get(ACCOUNTS + "/" + id + "/history?after=2").array()).as("past the end").isEmpty();
        assertThat(get(ACCOUNTS + "/" + id + "/history?max=0").status()).isEqualTo(400);
    }

    @Test
    void activateWithAndWithoutDate() {
        String id = opened("Active", "10");

        Reply dated = post(ACCOUNTS + "/" + id + "/activate", "{\"activeOn\": \"2026-12-01\"}");
        Reply today = post(ACCOUNTS + "/" + id + "/activate", "{}");

        assertThat(dated.status()).isEqualTo(200);
        assertThat(dated.object().getString("activeOn")).isEqualTo("2026-12-01");
        assertThat(today.status()).isEqualTo(200);
        assertThat(today.object().getString("activeOn")).isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
    }

    @Test
    void overdraftIs422AndChangesNothing() {
        String id = opened("Careful", "100");

        Reply overdraft = post(ACCOUNTS + "/" + id + "/withdrawals", "{\"amount\": 100.01}");

        assertProblem(overdraft, 422, "business-rule", "cannot withdraw 100.01");
        JsonObject view = get(ACCOUNTS + "/" + id).object();
        assertThat(decimal(view, "currentBalance")).isEqualByComparingTo("100");
        assertThat(view.getInt("transactionCount")).isZero();
        assertThat(get(ACCOUNTS + "/" + id + "/history").array()).hasSize(1);
    }

    @Test
    void replayRebuildsTheSameAccount() {
        String id = opened("Replay", "1000");
        post(ACCOUNTS + "/" + id + "/deposits", "{\"amount\": 500}");
        post(ACCOUNTS + "/" + id + "/withdrawals", "{\"amount\": 200}");
        post(ACCOUNTS + "/" + id + "/deposits", "{\"amount\": 100}");
        JsonObject before = get(ACCOUNTS + "/" + id).object();

        Reply replayed = post(ACCOUNTS + "/" + id + "/replay", "");

        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.object().getInt("replayed")).isEqualTo(4);
        assertThat(decimal(before, "currentBalance")).isEqualByComparingTo("1400");
        assertThat(before.getInt("transactionCount")).isEqualTo(3);
        assertSameAccount(replayed.object().getJsonObject("account"), before);
        assertSameAccount(get(ACCOUNTS + "/" + id).object(), before);
        assertThat(get(ACCOUNTS + "/" + id + "/history").array()).hasSize(4);
    }

    @Test
    void searchFiltersByNameClosureAndBalance() {
        String tag = "Search" + UUID.randomUUID().toString().substring(0, 8);
        String rich = opened(tag + " Rich", "5000");
        String poor = opened(tag + " Poor", "5");
        String gone = opened(tag + " Gone", "700");
        post(ACCOUNTS + "/" + gone + "/close", "{\"reason\": \"done\"}");

        assertThat(ids(get(ACCOUNTS + "?name=" + tag.toLowerCase()))).containsExactly(gone, poor, rich);
        assertThat(ids(get(ACCOUNTS + "?name=" + tag + "&closed=false"))).containsExactly(poor, rich);
        assertThat(ids(get(ACCOUNTS + "?name=" + tag + "&closed=true"))).containsExactly(gone);
        assertThat(ids(get(ACCOUNTS + "?name=" + tag + "&minBalance=700"))).containsExactly(gone, rich);
        assertThat(ids(get(ACCOUNTS + "?name=" + tag + "&first=1&max=1"))).containsExactly(poor);
    }

    @Test
    void unknownAccountIs404Everywhere() {
        String id = "missing-" + newId();

        assertProblem(get(ACCOUNTS + "/" + id), 404, "not-found", id);
        assertProblem(post(ACCOUNTS + "/" + id + "/deposits", "{\"amount\": 1}"), 404, "not-found", id);
        assertProblem(post(ACCOUNTS + "/" + id + "/withdrawals", "{\"amount\": 1}"), 404, "not-found", id);
        assertProblem(post(ACCOUNTS + "/" + id + "/close", "{\"reason\": \"x\"}"), 404, "not-found", id);
        assertProblem(post(ACCOUNTS + "/" + id + "/activate", "{}"), 404, "not-found", id);
        assertProblem(get(ACCOUNTS + "/" + id + "/history"), 404, "not-found", id);
        assertProblem(post(ACCOUNTS + "/" + id + "/replay", ""), 404, "not-found", id);
    }

    @Test
    void openingAnExistingAccountIs409() {
        String id = opened("Twice", "1");

        Reply again = post(ACCOUNTS, open(id, "Twice again", "2"));

        assertProblem(again, 409, "conflict", id);
        assertThat(get(ACCOUNTS + "/" + id).object().getString("accountName")).isEqualTo("Twice");
        assertThat(get(ACCOUNTS + "/" + id + "/history").array()).hasSize(1);
    }

    @Test
    void malformedJsonIs400WithoutAStackTrace() {
        String id = opened("Malformed", "1");

        Reply truncated = post(ACCOUNTS + "/" + id + "/deposits", "{\"amount\": ");
        Reply wrongType = post(ACCOUNTS + "/" + id + "/deposits", "{\"amount\": \"lots\"}");
        Reply notAnObject = post(ACCOUNTS, "[1, 2]");

        assertProblem(truncated, 400, "malformed-request", "not valid JSON");
        assertProblem(wrongType, 400, "malformed-request", "not valid JSON");
        assertProblem(notAnObject, 400, "malformed-request", "not valid JSON");
        for (Reply reply : List.of(truncated, wrongType, notAnObject)) {
            JsonObject problem = reply.object();
            assertThat(problem.getString("detail")).as("the parser's text stays in the server log")
                    .isEqualTo("The request body is not valid JSON for this resource (reference " + problem.getString("reference")
                            + " in the server log)");
        }
        assertThat(get(ACCOUNTS + "/" + id + "/history").array()).hasSize(1);
    }

    @Test
    void invalidInputIs400AndListsTheFields() {
        Reply negative = post(ACCOUNTS + "/" + newId() + "/deposits", "{\"amount\": -5}");
        Reply missing = post(ACCOUNTS, "{\"initialAmount\": 10, \"id\": \"bad id!\"}");
        Reply noBody = post(ACCOUNTS + "/" + newId() + "/deposits", "");

        assertProblem(negative, 400, "invalid-request", "amount");
        assertThat(negative.object().getJsonArray("violations")).hasSize(1);
        assertProblem(missing, 400, "invalid-request", "accountName");
        assertThat(missing.object().getJsonArray("violations").getValuesAs(JsonValue::toString))
                .anySatisfy(v -> assertThat(v).contains("accountName"))
                .anySatisfy(v -> assertThat(v).contains("id"));
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.contentType()).startsWith("application/problem+json");
        assertProblem(get(ACCOUNTS + "?closed=maybe"), 400, "http", "closed");
        assertProblem(get(ACCOUNTS + "?max=100000"), 400, "http", "max");
    }

    @Test
    void httpErrorsAreProblemsToo() {
        Reply unknownPath = get("/api/nothing-here");
        Reply wrongMediaType = SampleServer.send(HttpRequest.newBuilder(SampleServer.base().resolve(ACCOUNTS))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")), Map.of());

        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.contentType()).startsWith("application/problem+json");
        assertThat(wrongMediaType.status()).isEqualTo(415);
        assertThat(wrongMediaType.contentType()).startsWith("application/problem+json");
        assertThat(wrongMediaType.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** Same account state; amounts compared by value (the database may add a scale). */
    private static void assertSameAccount(JsonObject actual, JsonObject expected) {
        assertThat(decimal(actual, "currentBalance")).isEqualByComparingTo(decimal(expected, "currentBalance"));
        for (String field : List.of("id", "accountName", "transactionCount", "closed", "sequenceNo")) {
            assertThat(actual.get(field)).as(field).isEqualTo(expected.get(field));
        }
    }

    static String opened(String name, String amount) {
        String id = newId();
        Reply reply = post(ACCOUNTS, open(id, name, amount));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return id;
    }

    static String open(String id, String name, String amount) {
        return "{\"id\": \"" + id + "\", \"accountName\": \"" + name + "\", \"initialAmount\": " + amount + "}";
    }

    static String newId() {
        return "it-" + UUID.randomUUID();
    }

    static BigDecimal decimal(JsonObject json, String name) {
        return json.getJsonNumber(name).bigDecimalValue();
    }

    private static List<String> ids(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.array().stream().map(v -> v.asJsonObject().getString("id")).toList();
    }

    static void assertProblem(Reply reply, int status, String kind, String detailContains) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonObject problem = reply.object();
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("type")).isEqualTo("urn:sourceflow:problem:" + kind);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).contains(detailContains);
        assertThat(problem.getString("instance")).startsWith("/api/");
        assertThat(reply.body()).doesNotContain("\tat ").doesNotContain("Exception:");
    }
}
