package io.sourceflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.ConcurrencyException;
import io.sourceflow.cdi.ViewPositions;
import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
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
import java.util.logging.Logger;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A view deployed after its accounts were written, keyed by a property every account's events share
 * ({@link BranchView}): replays of different accounts at once, as the replay job's partitions run,
 * meet on its one model. Their conflicts surface inside the replay as {@link ConcurrencyException}s
 * (the bus retries them a few times, the caller or the job's chunk after that), not as a rollback at
 * commit, and every account's events count once.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KeyedViewReplayTests {

    private static final Logger LOG = Logger.getLogger(KeyedViewReplayTests.class.getName());
    private static final int THREADS = 4;
    private static final int ACCOUNTS = 24;

    final TestDatabase db = TestDatabase.create(kind(), "keyed_replay_" + kind().name().toLowerCase());
    final Rows rows = new Rows(db);

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(db.weld(AccountSaga.class, AccountView.class, BranchView.class,
            AccountAggregate.class)).build();

    @Inject
    AccountAggregate accounts;

    private final AtomicInteger conflicts = new AtomicInteger();

    abstract TestDatabase.Kind kind();

    @AfterAll
    void closeDatabase() throws Exception {
        db.close();
    }

    /** Replays until it succeeds, as the replay job's retried chunks do; a conflict is the only failure allowed. */
    private void rebuild(String id) {
        while (true) {
            try {
                accounts.rebuild(id);
                return;
            } catch (ConcurrencyException e) {
                conflicts.incrementAndGet();
            }
        }
    }

    @Test
    void concurrentReplaysFillingANewViewOfManyAccountsCountEachEventOnce() throws Exception {
        // given: the accounts, then the shared view and the views' positions gone, as for a view deployed later
        for (int a = 0; a < ACCOUNTS; a++) {
            accounts.open("r-" + a, "R" + a, BigDecimal.ONE);
            accounts.deposit("r-" + a, BigDecimal.TEN);
            accounts.deposit("r-" + a, BigDecimal.TEN);
        }
        rows.update("DELETE FROM sourceflow_document WHERE type_name IN (?, ?)", BranchView.Branch.class.getName(),
                ViewPositions.class.getName());
        db.entityManagerFactory().getCache().evictAll();

        // when: each thread replays its share of the accounts, one transaction each, all threads at once
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Callable<Void>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.add(() -> {
                    for (int a = thread; a < ACCOUNTS; a += THREADS) {
                        rebuild("r-" + a);
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(threads)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        // then
        LOG.info(() -> "replays meeting on one model: conflicts that reached the caller: " + conflicts.get());
        assertThat(BankScenarioTests.json(rows.value("SELECT body FROM sourceflow_document WHERE type_name = ? AND id = ?",
                BranchView.Branch.class.getName(), "main"))).isEqualTo(BankScenarioTests.json(
                "{\"accounts\":" + ACCOUNTS + ",\"changes\":" + 2 * ACCOUNTS + "}"));
    }
}
