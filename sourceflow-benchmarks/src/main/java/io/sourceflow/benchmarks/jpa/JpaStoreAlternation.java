package io.sourceflow.benchmarks.jpa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import java.util.logging.Logger;

/**
 * {@link JpaStoreBenchmark}'s three paths taking turns in one JVM, for a machine whose load moves
 * faster than a JMH run: JMH runs one benchmark after the other, so on a shared machine each sees
 * a different load and their ratio is mostly noise. Here every path is warmed up, then the paths
 * run in turn (the order rotating) for short windows, round after round, with the same callers,
 * and each round's ratios are printed; the median over the rounds is the figure to read.
 *
 * <pre>
 * java -cp benchmarks.jar io.sourceflow.benchmarks.jpa.JpaStoreAlternation CALLERS [ROUNDS] [WINDOW_SECONDS] [WARMUP_SECONDS] [LOCAL|XA]
 * </pre>
 *
 * <p>Results go to standard output: one line per round, then the medians.
 */
public final class JpaStoreAlternation {

    private static final Logger LOG = Logger.getLogger(JpaStoreAlternation.class.getName());
    private static final String[] PATHS = {"sourceflow", "rawJdbc", "rawJdbcJta"};

    private JpaStoreAlternation() {
    }

    /**
     * Runs the alternation.
     *
     * @param args callers, rounds (default 10), window seconds (default 5), warm-up seconds per path
     *     (default 60), {@code LOCAL} or {@code XA} (default {@code LOCAL})
     * @throws Exception when the database or a caller fails
     */
    public static void main(String[] args) throws Exception {
        int callers = Integer.parseInt(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int window = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        PostgresBank bank = new PostgresBank();
        bank.transactions = args.length > 4 ? args[4] : "LOCAL";
        bank.start();
        try {
            run(bank, callers, rounds, window, warmup);
        } finally {
            bank.stop();
        }
    }

    private static void run(PostgresBank bank, int callers, int rounds, int window, int warmup) throws Exception {
        JpaStoreBenchmark benchmark = new JpaStoreBenchmark();
        AtomicReference<String> path = new AtomicReference<>();
        AtomicLong ops = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CyclicBarrier phase = new CyclicBarrier(callers + 1);
        CountDownLatch done = new CountDownLatch(callers);
        for (int c = 0; c < callers; c++) {
            Thread caller = new Thread(() -> call(bank, benchmark, path, ops, phase, failure, done), "caller-" + c);
            caller.setDaemon(true);
            caller.start();
        }
        for (String p : PATHS) {
            window(phase, path, ops, p, warmup, failure);
        }
        double[][] perRound = new double[rounds][PATHS.length];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < PATHS.length; i++) {
                int p = (r + i) % PATHS.length;
                perRound[r][p] = window(phase, path, ops, PATHS[p], window, failure);
            }
            double[] t = perRound[r];
            System.out.printf(Locale.ROOT, "round %2d: sourceflow %7.0f  rawJdbc %7.0f  rawJdbcJta %7.0f ops/s"
                    + "  ratio/rawJdbc %.2f  ratio/rawJdbcJta %.2f%n", r + 1, t[0], t[1], t[2], t[0] / t[1], t[0] / t[2]);
        }
        path.set(null);
        try {
            phase.await();
        } catch (BrokenBarrierException e) {
            throw new IllegalStateException("A caller failed", failure.get() != null ? failure.get() : e);
        }
        done.await();
        System.out.printf(Locale.ROOT, "%d callers, %s, median of %d rounds: sourceflow %.0f  rawJdbc %.0f  rawJdbcJta %.0f"
                + " ops/s  ratio/rawJdbc %.2f  ratio/rawJdbcJta %.2f%n", callers, bank.transactions, rounds,
                median(perRound, r -> r[0]), median(perRound, r -> r[1]), median(perRound, r -> r[2]),
                median(perRound, r -> r[0] / r[1]), median(perRound, r -> r[0] / r[2]));
    }

    /** Lets the callers run one path for a while; returns its throughput. */
    private static double window(CyclicBarrier phase, AtomicReference<String> path, AtomicLong ops, String p,
            int seconds, AtomicReference<Throwable> failure) throws InterruptedException {
        try {
            path.set(p);
            ops.set(0);
            phase.await();
            long start = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long count = ops.get();
            double elapsed = (System.nanoTime() - start) / 1e9;
            path.set("pause");
            phase.await();
            return count / elapsed;
        } catch (BrokenBarrierException e) {
            throw new IllegalStateException("A caller failed on " + p, failure.get() != null ? failure.get() : e);
        }
    }

    private static void call(PostgresBank bank, JpaStoreBenchmark benchmark, AtomicReference<String> path,
            AtomicLong ops, CyclicBarrier phase, AtomicReference<Throwable> failure, CountDownLatch done) {
        try {
            JpaStoreBenchmark.JpaCaller jpa = new JpaStoreBenchmark.JpaCaller();
            jpa.open(bank);
            JpaStoreBenchmark.JdbcCaller jdbc = new JpaStoreBenchmark.JdbcCaller();
            jdbc.open(bank);
            JpaStoreBenchmark.JtaCaller jta = new JpaStoreBenchmark.JtaCaller();
            jta.open(bank);
            try {
                for (;;) {
                    phase.await();
                    String current = path.get();
                    if (current == null) {
                        return;
                    }
                    while (current.equals(path.get())) {
                        switch (current) {
                            case "sourceflow" -> benchmark.sourceflow(bank, jpa);
                            case "rawJdbc" -> benchmark.rawJdbc(jdbc);
                            case "rawJdbcJta" -> benchmark.rawJdbcJta(bank, jta);
                            default -> throw new IllegalStateException("unknown path " + current);
                        }
                        ops.incrementAndGet();
                    }
                    phase.await();
                }
            } finally {
                jdbc.close();
            }
        } catch (Exception | Error e) {
            LOG.severe(() -> "caller failed: " + e);
            failure.compareAndSet(null, e);
            phase.reset();
        } finally {
            done.countDown();
        }
    }

    private static double median(double[][] rounds, ToDoubleFunction<double[]> value) {
        List<Double> values = new ArrayList<>();
        for (double[] round : rounds) {
            values.add(value.applyAsDouble(round));
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
