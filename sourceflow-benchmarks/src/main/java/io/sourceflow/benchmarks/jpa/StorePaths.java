package io.sourceflow.benchmarks.jpa;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deposit paths {@link JpaStoreAlternation} runs in turns, by name, each as one caller's own
 * operation on its own account: the same calls as {@link JpaStoreBenchmark}'s benchmark methods.
 * {@code axon} is the peer, Axon Framework 4's JDBC event store ({@link AxonBank}).
 */
final class StorePaths {

    /** Every path, in the order the alternation lists them. */
    static final List<String> ALL = List.of("sourceflow", "rawJdbc", "rawJdbcLocked", "rawJdbcJta", "axon");

    /** One deposit on one caller's account. */
    @FunctionalInterface
    interface Deposit {
        /**
         * Makes one deposit in a transaction of its own.
         *
         * @throws Exception when the database fails
         */
        void run() throws Exception;

        /**
         * Checks, once the caller is done, that its deposits were all stored, where the path keeps
         * count; by default nothing.
         *
         * @throws Exception when the check fails or cannot be made
         */
        default void check() throws Exception {
        }
    }

    private StorePaths() {
    }

    /**
     * Opens one caller's accounts, one on each path.
     *
     * @param bank the database with SourceFlow's container
     * @param axon Axon on that database, null when {@code names} has no {@code axon}
     * @param names the paths to open
     * @return each path's deposit, by name
     * @throws Exception when the database fails
     */
    static Map<String, Deposit> open(PostgresBank bank, AxonBank axon, List<String> names) throws Exception {
        JpaStoreBenchmark benchmark = new JpaStoreBenchmark();
        Map<String, Deposit> paths = new LinkedHashMap<>();
        for (String name : names) {
            paths.put(name, switch (name) {
                case "sourceflow" -> {
                    JpaStoreBenchmark.JpaCaller caller = new JpaStoreBenchmark.JpaCaller();
                    caller.open(bank);
                    yield () -> benchmark.sourceflow(bank, caller);
                }
                case "rawJdbc" -> {
                    JpaStoreBenchmark.JdbcCaller caller = new JpaStoreBenchmark.JdbcCaller();
                    caller.open(bank);
                    yield () -> benchmark.rawJdbc(caller);
                }
                case "rawJdbcLocked" -> {
                    JpaStoreBenchmark.JdbcCaller caller = new JpaStoreBenchmark.JdbcCaller();
                    caller.open(bank);
                    yield () -> benchmark.rawJdbcLocked(caller);
                }
                case "rawJdbcJta" -> {
                    JpaStoreBenchmark.JtaCaller caller = new JpaStoreBenchmark.JtaCaller();
                    caller.open(bank);
                    yield () -> benchmark.rawJdbcJta(bank, caller);
                }
                case "axon" -> {
                    AxonCaller caller = new AxonCaller();
                    caller.open(axon, bank);
                    yield caller;
                }
                default -> throw new IllegalArgumentException("Unknown path '" + name + "'; the paths are " + ALL);
            });
        }
        return paths;
    }
}
