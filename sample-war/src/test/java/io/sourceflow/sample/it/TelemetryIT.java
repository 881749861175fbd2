package io.sourceflow.sample.it;

import static io.sourceflow.sample.it.AccountApiIT.opened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sourceflow.sample.it.SampleServer.Reply;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One REST call yields the framework's spans as descendants of the server's REST span, read back from
 * what the server exports (Liberty's Zipkin exporter or WildFly's OTLP exporter, received by
 * {@link ZipkinCollector}).
 */
class TelemetryIT {

    @BeforeAll
    static void serverIsReady() {
        SampleServer.awaitReady();
    }

    @Test
    void aDepositIsTracedFromTheRestRequestThroughTheFramework() {
        // given
        String id = opened("Traced", "10");
        String traceId = hex(32);
        String clientSpanId = hex(16);

        // when
        Reply reply = SampleServer.post("/api/accounts/" + id + "/deposits", "{\"amount\": 5}",
                Map.of("traceparent", "00-" + traceId + "-" + clientSpanId + "-01"));

        // then
        assertThat(reply.status()).isEqualTo(200);
        List<JsonObject> trace = await("spans of trace " + traceId).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> spansOf(traceId), spans -> names(spans).containsAll(List.of(
                        "sourceflow.command.publish", "sourceflow.command.append", "sourceflow.command.handle",
                        "sourceflow.event.enqueue", "sourceflow.event.project"))
                        && spans.stream().anyMatch(s -> "SERVER".equals(s.getString("kind", ""))));
        JsonObject rest = trace.stream().filter(s -> "SERVER".equals(s.getString("kind", ""))).findFirst().orElseThrow();
        assertThat(rest.getString("parentId")).isEqualTo(clientSpanId);
        assertThat(rest.getString("name").toLowerCase(Locale.ROOT)).contains("/api/accounts/");
        JsonObject publish = named(trace, "sourceflow.command.publish");
        assertThat(publish.getString("parentId")).isEqualTo(rest.getString("id"));
        assertThat(publish.getJsonObject("tags").getString("sourceflow.command.type")).isEqualTo("bank.DepositMoney");
        assertThat(publish.getJsonObject("tags").getString("sourceflow.entity.id")).isEqualTo(id);
        assertThat(publish.getJsonObject("tags").getString("sourceflow.sequence.no")).isEqualTo("2");
        assertThat(named(trace, "sourceflow.command.append").getString("parentId")).isEqualTo(publish.getString("id"));
        JsonObject handle = named(trace, "sourceflow.command.handle");
        assertThat(handle.getString("parentId")).isEqualTo(publish.getString("id"));
        JsonObject enqueue = named(trace, "sourceflow.event.enqueue");
        assertThat(enqueue.getString("parentId")).isEqualTo(publish.getString("id"));
        assertThat(ancestors(trace, named(trace, "sourceflow.event.project"))).contains(enqueue.getString("id"),
                publish.getString("id"), rest.getString("id"));
    }

    private static List<JsonObject> spansOf(String traceId) {
        return ZipkinCollector.spans().stream().filter(s -> traceId.equals(s.getString("traceId", ""))).toList();
    }

    private static List<String> names(List<JsonObject> spans) {
        return spans.stream().map(s -> s.getString("name", "")).toList();
    }

    private static JsonObject named(List<JsonObject> spans, String name) {
        List<JsonObject> found = spans.stream().filter(s -> name.equals(s.getString("name", ""))).toList();
        assertThat(found).as(name).hasSize(1);
        return found.get(0);
    }

    private static List<String> ancestors(List<JsonObject> spans, JsonObject span) {
        List<String> ids = new java.util.ArrayList<>();
        String parent = span.getString("parentId", null);
        while (parent != null) {
            ids.add(parent);
            String current = parent;
            parent = spans.stream().filter(s -> current.equals(s.getString("id"))).findFirst()
                    .map(s -> s.getString("parentId", null)).orElse(null);
        }
        return ids;
    }

    private static String hex(int digits) {
        StringBuilder hex = new StringBuilder(digits);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (hex.length() < digits) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }
}
