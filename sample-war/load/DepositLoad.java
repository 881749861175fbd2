import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small, bounded load client for the sample: THREADS clients each post REQUESTS deposits of 1.00,
 * spread over ACCOUNTS accounts opened first, against BASE (default http://127.0.0.1:9080).
 * Prints requests per second, the status counts and the latency percentiles. The environment variable
 * SAMPLE_TOKEN is the bearer token every request carries (role account-holder; see the README for how to make
 * one).
 *
 * <pre>SAMPLE_TOKEN=... java sample-war/load/DepositLoad.java [threads=8] [requests-per-thread=500] [accounts=1] [base]</pre>
 */
public final class DepositLoad {

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int accounts = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        String base = args.length > 3 ? args[3] : "http://127.0.0.1:9080";
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            String id = "load-" + run + "-" + a;
            int status = post(client, base + "/api/accounts",
                    "{\"id\":\"" + id + "\",\"accountName\":\"Load " + a + "\",\"initialAmount\":0}");
            if (status != 201) {
                throw new IllegalStateException("Cannot open " + id + ": HTTP " + status);
            }
            ids.add(id);
        }
        warmUp(client, base, ids);
        AtomicLong ok = new AtomicLong();
        AtomicLong conflicts = new AtomicLong();
        AtomicLong other = new AtomicLong();
        long[][] latencies = new long[threads][requests];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < requests; i++) {
                    String id = ids.get((thread * requests + i) % ids.size());
                    long sent = System.nanoTime();
                    int status = post(client, base + "/api/accounts/" + id + "/deposits", "{\"amount\":1.00}");
                    latencies[thread][i] = System.nanoTime() - sent;
                    (status == 200 ? ok : status == 409 ? conflicts : other).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] all = java.util.Arrays.stream(latencies).flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        System.out.printf("threads=%d accounts=%d requests=%d seconds=%.2f rps=%.0f ok=%d 409=%d other=%d"
                + " p50=%.1fms p99=%.1fms%n", threads, accounts, all.length, seconds, all.length / seconds, ok.get(),
                conflicts.get(), other.get(), all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6);
    }

    private static void warmUp(HttpClient client, String base, List<String> ids) {
        for (int i = 0; i < 200; i++) {
            post(client, base + "/api/accounts/" + ids.get(i % ids.size()) + "/deposits", "{\"amount\":1.00}");
        }
    }

    private static final String AUTHORIZATION = "Bearer " + System.getenv().getOrDefault("SAMPLE_TOKEN", "");

    private static int post(HttpClient client, String url, String json) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .header("Authorization", AUTHORIZATION)
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
