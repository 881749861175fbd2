package io.sourceflow.benchmarks.jpa;

import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountViewModel;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.spi.DocumentTypes;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deposit paths {@link JpaStoreAlternation} runs in turns, by name, each as one caller's own
 * operation on its own account: the same calls as {@link JpaStoreBenchmark}'s benchmark methods.
 * {@code axon} is the peer, Axon Framework 4's JDBC event store ({@link AxonBank}); {@code sourceflowPlain}
 * is SourceFlow with a prototype store that writes the log and the entity by plain JDBC,
 * and {@code sourceflowNoJpa} the same with a document view written by plain JDBC too
 * ({@link PostgresBank#prototypeAccounts}).
 */
final class StorePaths {

    /** Every path, in the order the alternation lists them. */
    static final List<String> ALL = List.of("sourceflow", "rawJdbc", "rawJdbcLocked", "rawJdbcJta", "axon");
    /** The prototypes' paths, run only when named. */
    static final List<String> PROTOTYPES = List.of("sourceflowPlain", "sourceflowNoJpa");

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
     * A deposit on a prototype's container, checked at the end: the log, the entity's document and
     * the view hold every deposit.
     *
     * @param view a query of the view's balance (the JPA entity's row, or the JSON of a document view)
     */
    private static Deposit prototype(PostgresBank bank, AccountAggregate accounts, String prefix, String view) {
        String id = prefix + bank.callers.incrementAndGet();
        accounts.open(id, "J", BigDecimal.ZERO);
        return new Deposit() {
            private long deposits;

            @Override
            public void run() {
                accounts.deposit(id, BigDecimal.ONE);
                deposits++;
            }

            @Override
            public void check() throws SQLException {
                try (Connection c = bank.db.connect();
                        PreparedStatement rows = c.prepareStatement("SELECT (SELECT COUNT(*) FROM sourceflow_command WHERE entity_id = ?),"
                                + " (SELECT body FROM sourceflow_document WHERE id = ? AND type_name = ?), (" + view + ")")) {
                    rows.setString(1, id);
                    rows.setString(2, id);
                    rows.setString(3, DocumentTypes.name(BankAccount.class));
                    rows.setString(4, id);
                    try (ResultSet row = rows.executeQuery()) {
                        row.next();
                        String balance = row.getString(3);
                        if (row.getLong(1) != deposits + 1 || !row.getString(2).contains("\"balance\":" + deposits)
                                || !(balance.equals(String.valueOf(deposits))
                                        || balance.contains("\"currentBalance\":" + deposits + ","))) {
                            throw new IllegalStateException("Account " + id + " after " + deposits + " deposits: " + row.getLong(1)
                                    + " commands, document " + row.getString(2) + ", view " + balance);
                        }
                    }
                }
            }
        };
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
                case "sourceflowPlain" -> prototype(bank, bank.prototypeAccounts(name), "plain-",
                        "SELECT CAST(CAST(balance AS BIGINT) AS VARCHAR) FROM bank_account_summary WHERE id = ?");
                case "sourceflowNoJpa" -> prototype(bank, bank.prototypeAccounts(name), "nojpa-",
                        "SELECT body FROM sourceflow_document WHERE id = ? AND type_name = '"
                                + DocumentTypes.name(AccountViewModel.class) + "'");
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
                default -> throw new IllegalArgumentException("Unknown path '" + name + "'; the paths are " + ALL
                        + " and the prototypes " + PROTOTYPES);
            });
        }
        return paths;
    }
}
