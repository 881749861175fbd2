package io.sourceflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.ConcurrencyException;
import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.jpa.bank.AccountSummaryView;
import io.sourceflow.jpa.support.Rows;
import io.sourceflow.jpa.support.TestDatabase;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntConsumer;
import java.util.logging.Logger;
import java.util.stream.LongStream;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * 8 threads publish 500 deposits each to 5 accounts on a database with real concurrency (PostgreSQL,
 * MariaDB: each reports losing the sequence-number race in its own way). Conflicts on the log's primary
 * key or a version are retried by the bus (in a fresh transaction); the few that exhaust its
 * attempts reach the caller as {@link ConcurrencyException} and are published again here. In the
 * end no deposit is lost or doubled and every log is numbered 1..n without a gap. Writers of one
 * entity wait for each other (the store locks the entity before it claims a number), so none of them
 * sees a conflict at all.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConcurrencyTests {

    private static final Logger LOG = Logger.getLogger(ConcurrencyTests.class.getName());
    private static final int THREADS = 8;
    private static final int COMMANDS = 500;
    private static final int ACCOUNTS = 5;
    private static final int HOT_COMMANDS = 100;

    final TestDatabase db = TestDatabase.create(kind(), "concurrency_" + kind().name().toLowerCase());
    final Rows rows = new Rows(db);

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(db.weld(AccountSaga.class, AccountView.class, AccountSummaryView.class,
            AccountAggregate.class, ConflictCounter.class)).build();

    @Inject
    AccountAggregate accounts;
    @Inject
    ConflictCounter counter;

    abstract TestDatabase.Kind kind();

    @AfterAll
    void closeDatabase() throws Exception {
        db.close();
    }

    @Test
    void concurrentDepositsAreNeitherLostNorDoubled() throws Exception {
        // given
        for (int a = 0; a < ACCOUNTS; a++) {
            accounts.open("k-" + a, "K" + a, BigDecimal.ZERO);
        }
        AtomicLongArray sums = new AtomicLongArray(ACCOUNTS);
        AtomicLongArray counts = new AtomicLongArray(ACCOUNTS);
        AtomicInteger reported = new AtomicInteger();

        // when
        onEachThread(thread -> {
            for (int i = 0; i < COMMANDS; i++) {
                int account = (thread * COMMANDS + i) % ACCOUNTS;
                int amount = 1 + (thread + i) % 9;
                deposit(account, amount, reported);
                sums.addAndGet(account, amount);
                counts.incrementAndGet(account);
            }
        });

        // then
        LOG.info(() -> "conflicts seen in dispatch: " + counter.conflicts() + ", reported to callers: " + reported.get());
        long total = 0;
        for (int a = 0; a < ACCOUNTS; a++) {
            String id = "k-" + a;
            long n = 1 + counts.get(a);
            total += counts.get(a);
            assertThat(rows.query("SELECT sequence_no FROM sourceflow_command WHERE entity_id = ? ORDER BY sequence_no", id))
                    .extracting(r -> ((Number) r.get(0)).longValue())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
            assertThat(BankScenarioTests.json(rows.value("SELECT body FROM sourceflow_document WHERE type_name = ? AND id = ?",
                    BankAccount.class.getName(), id)).getJsonNumber("balance").longValueExact()).isEqualTo(sums.get(a));
            List<Object> summary = rows.query("SELECT balance, transaction_count FROM bank_account_summary WHERE id = ?", id).get(0);
            assertThat(((BigDecimal) summary.get(0)).longValueExact()).isEqualTo(sums.get(a));
            assertThat(((Number) summary.get(1)).longValue()).isEqualTo(counts.get(a));
        }
        assertThat(total).isEqualTo((long) THREADS * COMMANDS);
        assertThat(counter.conflicts()).isGreaterThanOrEqualTo(reported.get());
    }

    @Test
    void writersOfOneEntityWaitForEachOtherInsteadOfFailing() throws Exception {
        // given
        accounts.open("hot", "Hot", BigDecimal.ZERO);
        int conflictsBefore = counter.conflicts();
        AtomicLongArray sums = new AtomicLongArray(1);

        // when: eight writers of one account, each publishing once per deposit (no retry here; a
        // ConcurrencyException that reached a writer fails the test)
        onEachThread(thread -> {
            for (int i = 0; i < HOT_COMMANDS; i++) {
                int amount = 1 + (thread + i) % 9;
                accounts.deposit("hot", BigDecimal.valueOf(amount));
                sums.addAndGet(0, amount);
            }
        });

        // then
        int conflicts = counter.conflicts() - conflictsBefore;
        LOG.info(() -> "one hot entity: conflicts seen in dispatch and retried by the bus: " + conflicts);
        assertThat(rows.query("SELECT sequence_no FROM sourceflow_command WHERE entity_id = ? ORDER BY sequence_no", "hot"))
                .extracting(r -> ((Number) r.get(0)).longValue())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 1 + THREADS * HOT_COMMANDS).boxed().toList());
        assertThat(BankScenarioTests.json(rows.value("SELECT body FROM sourceflow_document WHERE type_name = ? AND id = ?",
                BankAccount.class.getName(), "hot")).getJsonNumber("balance").longValueExact()).isEqualTo(sums.get(0));
        assertThat(conflicts).as("writers of one entity are serialised before they claim a number").isZero();
    }

    /** Runs the work on {@value #THREADS} threads at once, each given its number; fails with the first failure. */
    private static void onEachThread(IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Callable<Void>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.add(() -> {
                    work.accept(thread);
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(threads)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Publishes until it succeeds; a concurrency exception is the only failure allowed. */
    private void deposit(int account, int amount, AtomicInteger reported) {
        for (int attempt = 1;; attempt++) {
            try {
                accounts.deposit("k-" + account, BigDecimal.valueOf(amount));
                return;
            } catch (ConcurrencyException e) {
                reported.incrementAndGet();
                if (attempt == 100) {
                    throw new AssertionError("100 attempts failed for account k-" + account, e);
                }
            }
        }
    }
}
