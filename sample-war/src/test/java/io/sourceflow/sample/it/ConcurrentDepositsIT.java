package io.sourceflow.sample.it;

import static io.sourceflow.sample.it.AccountApiIT.decimal;
import static io.sourceflow.sample.it.AccountApiIT.opened;
import static io.sourceflow.sample.it.SampleServer.get;
import static io.sourceflow.sample.it.SampleServer.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.sample.it.SampleServer.Reply;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Eight clients deposit into one account at once: they wait for each other (the store locks the
 * account before it numbers a command), so every deposit is applied, none is answered 409, and none
 * is lost or doubled; and the server's log reports no failure.
 */
class ConcurrentDepositsIT {

    private static final int CLIENTS = 8;
    private static final int DEPOSITS_PER_CLIENT = 25;

    @BeforeAll
    static void serverIsReady() {
        SampleServer.awaitReady();
    }

    @Test
    void everyDepositIsApplied() throws Exception {
        // given
        String id = opened("Concurrent", "0");
        String path = "/api/accounts/" + id + "/deposits";
        List<Future<List<Outcome>>> clients = new ArrayList<>();
        ServerLog log = ServerLog.fromNow();

        // when
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int c = 1; c <= CLIENTS; c++) {
                BigDecimal amount = new BigDecimal(c); // each client deposits its own amount
                clients.add(pool.submit(() -> {
                    List<Outcome> outcomes = new ArrayList<>();
                    for (int i = 0; i < DEPOSITS_PER_CLIENT; i++) {
                        Reply reply = post(path, "{\"amount\": " + amount + "}");
                        outcomes.add(new Outcome(amount, reply));
                    }
                    return outcomes;
                }));
            }
        } finally {
            pool.shutdown();
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<List<Outcome>> client : clients) {
            outcomes.addAll(client.get());
        }

        // then
        assertThat(outcomes).hasSize(CLIENTS * DEPOSITS_PER_CLIENT);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.reply().status()).as(o.reply().body()).isEqualTo(200));
        List<Outcome> applied = outcomes;
        BigDecimal expected = applied.stream().map(Outcome::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        JsonObject view = get("/api/accounts/" + id).object();
        assertThat(decimal(view, "currentBalance")).isEqualByComparingTo(expected);
        assertThat(view.getInt("transactionCount")).isEqualTo(applied.size());
        assertThat(applied).extracting(o -> o.reply().sequenceNo()).doesNotHaveDuplicates()
                .allSatisfy(n -> assertThat(n).isBetween(2L, 1L + applied.size()));
        // the history, page after page
        List<Long> logged = new java.util.ArrayList<>();
        for (List<Long> page = historyAfter(id, 0); !page.isEmpty(); page = historyAfter(id, logged.get(logged.size() - 1))) {
            logged.addAll(page);
        }
        assertThat(logged).containsExactlyElementsOf(LongStream.rangeClosed(1, 1 + applied.size()).boxed().toList());
        // waiting is not failing: no stack trace, no incident
        ExpectedOutcomesIT.assertNothingReported(log);
    }

    private record Outcome(BigDecimal amount, Reply reply) {
    }

    private static List<Long> historyAfter(String id, long after) {
        return get("/api/accounts/" + id + "/history?after=" + after).array().stream()
                .map(e -> e.asJsonObject().getJsonNumber("sequenceNo").longValue()).toList();
    }
}
