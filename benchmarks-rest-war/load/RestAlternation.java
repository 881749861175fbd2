import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads two endpoints of one server in turns: the sample's deposit through SourceFlow
 * ({@code /api/accounts}) and the hand-written baseline ({@code /api/baseline/accounts}), each in
 * windows of WINDOW seconds, alternating (the order swapped every round so that drift cancels), after
 * the same warm-up for both (WARMUP seconds each, also in alternating windows). THREADS clients post
 * deposits of 1.00 without pause, spread over ACCOUNTS accounts per endpoint. Prints each round's
 * requests/s and ratio, then per endpoint: requests/s over all its windows, p50 and p99, and the
 * median of the rounds' ratios. Every request carries the bearer token SAMPLE_TOKEN (an environment
 * variable; the script signs one), so both endpoints pay the same token check.
 *
 * <pre>java benchmarks-rest-war/load/RestAlternation.java [threads=8] [accounts=64] [rounds=8] [window=10]
 *     [warmup=60] [base=http://127.0.0.1:9080]</pre>
 */
public final class RestAlternation {

    private static final String[] NAMES = {"sourceflow", "baseline"};
    private static final String[] PATHS = {"/api/accounts", "/api/baseline/accounts"};

    public static void main(String[] args) throws Exception {
        int threads = arg(args, 0, 8);
        int accounts = arg(args, 1, 64);
        int rounds = arg(args, 2, 8);
        int window = arg(args, 3, 10);
        int warmup = arg(args, 4, 60);
        String base = args.length > 5 ? args[5] : "http://127.0.0.1:9080";
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<List<String>> ids = List.of(open(client, base, 0, run, accounts), open(client, base, 1, run, accounts));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int w = 0; w < warmup / window; w++) {
                for (int e = 0; e < 2; e++) {
                    load(client, pool, threads, base + PATHS[e], ids.get(e), window);
                }
            }
            List<List<Long>> latencies = List.of(new ArrayList<>(), new ArrayList<>());
            double[] seconds = new double[2];
            long[] failed = new long[2];
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                double[] rps = new double[2];
                for (int turn = 0; turn < 2; turn++) {
                    int e = (r + turn) % 2;
                    Window result = load(client, pool, threads, base + PATHS[e], ids.get(e), window);
                    latencies.get(e).addAll(result.latencies);
                    seconds[e] += result.seconds;
                    failed[e] += result.failed;
                    rps[e] = result.latencies.size() / result.seconds;
                }
                ratios[r] = rps[0] / rps[1];
                System.out.printf("round %d: sourceflow %.0f/s, baseline %.0f/s, ratio %.2f%n", r + 1, rps[0], rps[1], ratios[r]);
            }
            for (int e = 0; e < 2; e++) {
                long[] sorted = latencies.get(e).stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("%s: requests=%d rps=%.0f failed=%d p50=%.1fms p99=%.1fms%n", NAMES[e], sorted.length,
                        sorted.length / seconds[e], failed[e], sorted[sorted.length / 2] / 1e6,
                        sorted[(int) (sorted.length * 0.99)] / 1e6);
            }
            Arrays.sort(ratios);
            System.out.printf("median ratio sourceflow/baseline: %.2f (rounds %.2f-%.2f)%n", ratios[rounds / 2], ratios[0],
                    ratios[rounds - 1]);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> open(HttpClient client, String base, int endpoint, String run, int accounts) {
        List<String> ids = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            String id = NAMES[endpoint] + "-" + run + "-" + a;
            int status = post(client, base + PATHS[endpoint], "{\"id\":\"" + id + "\",\"accountName\":\"Load " + a
                    + "\",\"initialAmount\":0}");
            if (status != 201) {
                throw new IllegalStateException("Cannot open " + id + " at " + PATHS[endpoint] + ": HTTP " + status);
            }
            ids.add(id);
        }
        return ids;
    }

    /** THREADS clients post deposits for WINDOW seconds; only answers 200 are counted as done. */
    private static Window load(HttpClient client, ExecutorService pool, int threads, String url, List<String> ids,
            int window) throws Exception {
        long start = System.nanoTime();
        long end = start + window * 1_000_000_000L;
        List<Future<long[]>> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            clients.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                long failed = 0;
                for (int i = 0; System.nanoTime() < end; i++) {
                    String id = ids.get((thread + i * threads) % ids.size());
                    long sent = System.nanoTime();
                    int status = post(client, url + "/" + id + "/deposits", "{\"amount\":1.00}");
                    if (status == 200) {
                        mine.add(System.nanoTime() - sent);
                    } else {
                        failed++;
                    }
                }
                long[] out = new long[mine.size() + 1];
                out[0] = failed;
                for (int i = 0; i < mine.size(); i++) {
                    out[i + 1] = mine.get(i);
                }
                return out;
            }));
        }
        List<Long> latencies = new ArrayList<>();
        long failed = 0;
        for (Future<long[]> f : clients) {
            long[] out = f.get();
            failed += out[0];
            for (int i = 1; i < out.length; i++) {
                latencies.add(out[i]);
            }
        }
        return new Window(latencies, failed, (System.nanoTime() - start) / 1e9);
    }

    private record Window(List<Long> latencies, long failed, double seconds) {
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
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
