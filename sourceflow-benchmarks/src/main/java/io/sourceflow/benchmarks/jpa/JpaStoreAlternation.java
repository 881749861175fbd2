package io.sourceflow.benchmarks.jpa;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * {@link JpaStoreBenchmark}'s paths taking turns in one JVM, for a machine whose load moves faster
 * than a JMH run: JMH runs one benchmark after the other, so on a shared machine each sees a
 * different load and their ratio is mostly noise. Here every path is warmed up, then the paths run
 * in turn (the order rotating) for short windows, round after round, with the same callers, and
 * each round's throughput and bytes allocated per deposit (by the callers' threads) are printed;
 * the medians over the rounds are the figures to read.
 *
 * <pre>
 * java -cp benchmarks.jar io.sourceflow.benchmarks.jpa.JpaStoreAlternation CALLERS [ROUNDS] [WINDOW_SECONDS]
 *     [WARMUP_SECONDS] [LOCAL|XA] [PATH,PATH,...]
 * </pre>
 *
 * <p>The paths default to all of {@link StorePaths#ALL}; ratios are to the first one named.
 */
public final class JpaStoreAlternation {

    private static final Logger LOG = Logger.getLogger(JpaStoreAlternation.class.getName());
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final List<String> paths;
    private final AtomicReference<String> path = new AtomicReference<>();
    private final AtomicLong ops = new AtomicLong();
    private final AtomicLong allocated = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CyclicBarrier phase;

    private JpaStoreAlternation(int callers, List<String> paths) {
        this.paths = paths;
        this.phase = new CyclicBarrier(callers + 1);
    }

    /**
     * Runs the alternation.
     *
     * @param args callers, rounds (default 10), window seconds (default 5), warm-up seconds per path
     *     (default 60), {@code LOCAL} or {@code XA} (default {@code LOCAL}), the paths separated by
     *     commas (default all)
     * @throws Exception when the database or a caller fails
     */
    public static void main(String[] args) throws Exception {
        int callers = Integer.parseInt(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int window = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        PostgresBank bank = new PostgresBank();
        bank.transactions = args.length > 4 ? args[4] : "LOCAL";
        List<String> paths = args.length > 5 ? List.of(args[5].split(",")) : StorePaths.ALL;
        bank.start();
        AxonBank axon = paths.contains("axon") ? new AxonBank() : null;
        try {
            if (axon != null) {
                axon.start(bank);
            }
            new JpaStoreAlternation(callers, paths).run(bank, axon, callers, rounds, window, warmup);
        } finally {
            if (axon != null) {
                axon.stop();
            }
            bank.stop();
        }
    }

    private void run(PostgresBank bank, AxonBank axon, int callers, int rounds, int window, int warmup) throws Exception {
        CountDownLatch done = new CountDownLatch(callers);
        for (int c = 0; c < callers; c++) {
            Thread caller = new Thread(() -> call(bank, axon, done), "caller-" + c);
            caller.setDaemon(true);
            caller.start();
        }
        for (String p : paths) {
            window(p, warmup);
        }
        int n = paths.size();
        double[][] rate = new double[n][rounds];
        double[][] bytes = new double[n][rounds];
        double[][] ratio = new double[n][rounds];
        for (int r = 0; r < rounds; r++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %2d:", r + 1));
            for (int i = 0; i < n; i++) {
                int p = (r + i) % n;
                double[] measured = window(paths.get(p), window);
                rate[p][r] = measured[0];
                bytes[p][r] = measured[1];
            }
            for (int p = 0; p < n; p++) {
                ratio[p][r] = rate[0][r] / rate[p][r];
                line.append(String.format(Locale.ROOT, "  %s %.0f ops/s %.1f KB/op", paths.get(p), rate[p][r], bytes[p][r] / 1024));
            }
            System.out.println(line);
        }
        path.set(null);
        await(null);
        done.await();
        if (failure.get() != null) {
            throw new IllegalStateException("A caller failed at the end", failure.get());
        }
        System.out.printf(Locale.ROOT, "%d callers, %s, medians of %d rounds:%n", callers, bank.transactions, rounds);
        for (int p = 0; p < n; p++) {
            System.out.printf(Locale.ROOT, "  %-14s %7.0f ops/s  %6.1f KB/op  %s/%s %.2f (%.2f-%.2f)%n", paths.get(p),
                    median(rate[p]), median(bytes[p]) / 1024, paths.get(0), paths.get(p), median(ratio[p]), min(ratio[p]),
                    max(ratio[p]));
        }
    }

    /** Lets the callers run one path for a while; returns its throughput and bytes allocated per deposit. */
    private double[] window(String p, int seconds) throws InterruptedException {
        path.set(p);
        ops.set(0);
        allocated.set(0);
        await(p);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long count = ops.get();
        double elapsed = (System.nanoTime() - start) / 1e9;
        path.set("pause");
        await(p);
        return new double[] {count / elapsed, (double) allocated.get() / ops.get()};
    }

    private void await(String p) throws InterruptedException {
        try {
            phase.await();
        } catch (BrokenBarrierException e) {
            throw new IllegalStateException("A caller failed" + (p == null ? "" : " on " + p),
                    failure.get() != null ? failure.get() : e);
        }
    }

    private void call(PostgresBank bank, AxonBank axon, CountDownLatch done) {
        try {
            Map<String, StorePaths.Deposit> deposits = StorePaths.open(bank, axon, paths);
            for (;;) {
                phase.await();
                String current = path.get();
                if (current == null) {
                    for (StorePaths.Deposit deposit : deposits.values()) {
                        deposit.check();
                    }
                    return;
                }
                StorePaths.Deposit deposit = deposits.get(current);
                long before = THREADS.getCurrentThreadAllocatedBytes();
                while (current.equals(path.get())) {
                    deposit.run();
                    ops.incrementAndGet();
                }
                allocated.addAndGet(THREADS.getCurrentThreadAllocatedBytes() - before);
                phase.await();
            }
        } catch (Exception | Error e) {
            LOG.severe(() -> "caller failed: " + e);
            failure.compareAndSet(null, e);
            phase.reset();
        } finally {
            done.countDown();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
