package io.sourceflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.ConcurrencyException;
import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.History;
import io.sourceflow.Metadata;
import io.sourceflow.ViewRebuilds;
import io.sourceflow.cdi.ViewPositions;
import io.sourceflow.cdi.ViewRebuild;
import io.sourceflow.spi.CommandStore;
import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.cdi.bank.Commands.CreateAccount;
import io.sourceflow.jpa.support.Rows;
import io.sourceflow.jpa.support.TestDatabase;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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

    @Inject
    ViewRebuilds rebuilds;

    @Inject
    History history;

    @Inject
    CommandBus bus;

    @Inject
    CommandStore log;

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
    void rebuildingTheViewAloneWritesNoOtherRowAndCountsDepositsMadeMeanwhileOnce() throws Exception {
        for (int a = 0; a < ACCOUNTS; a++) {
            accounts.open("v-" + a, "V" + a, BigDecimal.ONE);
            accounts.deposit("v-" + a, BigDecimal.TEN);
            accounts.deposit("v-" + a, BigDecimal.TEN);
        }
        String others = "SELECT type_name, id, version, body FROM sourceflow_document WHERE type_name NOT IN (?, ?, ?)"
                + " ORDER BY type_name, id";
        Object[] rebuilt = {BranchView.Branch.class.getName(), ViewPositions.class.getName(), ViewRebuild.class.getName()};
        List<List<Object>> before = rows.query(others, rebuilt);

        // a rebuild alone: no other document written
        rebuildAll(() -> { });
        assertThat(rows.query(others, rebuilt)).as("entities and the other view untouched").isEqualTo(before).hasSizeGreaterThan(ACCOUNTS);
        List<String> ids = history.entityIds(BankAccount.class, null, 1_000);
        assertThat(branch()).isEqualTo(branch(ids.size(), 2 * ids.size()));

        // a rebuild while every v- account takes a deposit, from a thread of its own
        rebuildAll(() -> {
            for (int a = ACCOUNTS - 1; a >= 0; a--) {
                String id = "v-" + a;
                retried(() -> accounts.deposit(id, BigDecimal.ONE));
            }
        });
        accounts.deposit("v-0", BigDecimal.ONE);

        LOG.info(() -> "a rebuild meeting deposits: conflicts that reached the caller: " + conflicts.get());
        assertThat(branch()).as("every account and change once").isEqualTo(branch(ids.size(), 2 * ids.size() + ACCOUNTS + 1));
    }

    @Test
    void theLogKeepsWhenAnEntitysFirstCommandWasAppendedNotWhenItWasMade() {
        Instant before = Instant.now().minusMillis(1);
        Metadata madeLongAgo = new Metadata(UUID.randomUUID(), UUID.randomUUID(), null, null, "made-2020", 0,
                Instant.parse("2020-01-01T00:00:00Z"), false, Metadata.Origin.LOCAL, Map.of());
        bus.publish(new Envelope<>(new CreateAccount(EntityRef.of("made-2020").asNew(), "Old", BigDecimal.ONE), madeLongAgo));

        assertThat(log.firstLoggedOn(BankAccount.class.getSimpleName(), "made-2020")).hasValueSatisfying(
                logged -> assertThat(logged).isBetween(before, Instant.now().plusMillis(1)));
        assertThat(log.firstLoggedOn(BankAccount.class.getSimpleName(), "never-made")).isEmpty();
    }

    /** Rebuilds {@link BranchView} alone, every account replayed by {@value #THREADS} threads, while {@code meanwhile} runs. */
    private void rebuildAll(Runnable meanwhile) throws Exception {
        Set<Class<?>> views = Set.of(BranchView.class);
        Instant from = rebuilds.start("test", views, Set.of(BankAccount.class));
        while (Instant.now().isBefore(from)) {
            Thread.sleep(50);
        }
        List<String> ids = history.entityIds(BankAccount.class, null, 1_000);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        try {
            List<Callable<Void>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.add(() -> {
                    for (int a = thread; a < ids.size(); a += THREADS) {
                        EntityRef account = EntityRef.of(ids.get(a));
                        retried(() -> rebuilds.replay(BankAccount.class, account, views));
                    }
                    return null;
                });
            }
            threads.add(() -> {
                meanwhile.run();
                return null;
            });
            for (Future<Void> done : pool.invokeAll(threads)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        rebuilds.finish("test", views);
    }

    private void retried(Runnable replay) {
        while (true) {
            try {
                replay.run();
                return;
            } catch (ConcurrencyException e) {
                conflicts.incrementAndGet();
            }
        }
    }

    private JsonObject branch() {
        return BankScenarioTests.json(rows.value("SELECT body FROM sourceflow_document WHERE type_name = ? AND id = ?",
                BranchView.Branch.class.getName(), "main"));
    }

    private static JsonObject branch(int accounts, int changes) {
        return BankScenarioTests.json("{\"accounts\":" + accounts + ",\"changes\":" + changes + "}");
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
