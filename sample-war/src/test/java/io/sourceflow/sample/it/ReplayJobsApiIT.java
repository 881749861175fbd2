package io.sourceflow.sample.it;

import static io.sourceflow.sample.it.AccountApiIT.decimal;
import static io.sourceflow.sample.it.AccountApiIT.newId;
import static io.sourceflow.sample.it.AccountApiIT.open;
import static io.sourceflow.sample.it.SampleServer.get;
import static io.sourceflow.sample.it.SampleServer.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sourceflow.sample.it.SampleServer.Reply;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The replay job ({@code sourceflow-replay}, shipped by {@code sourceflow-batch}) over the sample's API
 * on each server the sample runs on, in the server's own batch runtime (Open Liberty's
 * {@code batch-2.1}, WildFly's JBeret): a full replay of every account, then a rebuild of the account
 * view alone (mode {@code views}), both to COMPLETED with every account counted, and the accounts'
 * views as their logs make them.
 */
class ReplayJobsApiIT {

    private static final String JOBS = "/api/replay-jobs";
    private static final String ACCOUNT_VIEW = "io.sourceflow.sample.account.AccountView";

    @BeforeAll
    static void serverIsReady() {
        SampleServer.awaitReady();
    }

    @Test
    void aFullReplayAndARebuildOfTheAccountViewAloneRunToTheEndInTheServersBatchRuntime() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = newId();
            assertThat(post("/api/accounts", open(id, "Replayed " + i, "100")).status()).isEqualTo(201);
            assertThat(post("/api/accounts/" + id + "/deposits", "{\"amount\": 5}").status()).isEqualTo(200);
            assertThat(post("/api/accounts/" + id + "/deposits", "{\"amount\": 7}").status()).isEqualTo(200);
            ids.add(id);
        }

        JsonObject full = completed(post(JOBS, "{\"partitions\": 2}"));
        assertThat(full.getJsonArray("views")).isEmpty();
        assertViews(ids);

        JsonObject rebuild = completed(post(JOBS, "{\"partitions\": 2, \"views\": [\"" + ACCOUNT_VIEW + "\"]}"));
        assertThat(rebuild.getJsonArray("views").getString(0)).isEqualTo(ACCOUNT_VIEW);
        assertViews(ids);
        assertThat(post("/api/accounts/" + ids.get(0) + "/deposits", "{\"amount\": 1}").status()).isEqualTo(200);
        assertThat(get("/api/accounts/" + ids.get(0)).object().getInt("transactionCount")).as("live again").isEqualTo(3);
    }

    @Test
    void aViewNameThatIsNoViewIsRefusedNamingIt() {
        Reply refused = post(JOBS, "{\"views\": [\"java.lang.String\"]}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("'java.lang.String' is not a view of this application").contains(ACCOUNT_VIEW);
    }

    /** Waits for the started execution to end; it must have completed, every account counted. */
    private static JsonObject completed(Reply started) {
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long execution = started.object().getJsonNumber("executionId").longValue();
        JsonObject ended = await("replay job execution " + execution).atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> get(JOBS + "/" + execution).object(), p -> !p.getString("status").startsWith("START"));
        assertThat(ended.getString("status")).as(ended.toString()).isEqualTo("COMPLETED");
        assertThat(ended.getJsonNumber("done").longValue()).as(ended.toString()).isEqualTo(ended.getJsonNumber("total").longValue())
                .isGreaterThanOrEqualTo(3);
        return ended;
    }

    private static void assertViews(List<String> ids) {
        for (String id : ids) {
            JsonObject view = get("/api/accounts/" + id).object();
            assertThat(decimal(view, "currentBalance")).as(id).isEqualByComparingTo("112");
            assertThat(view.getInt("transactionCount")).as(id).isEqualTo(2);
            assertThat(view.getJsonNumber("sequenceNo").longValue()).as(id).isEqualTo(3);
        }
    }
}
