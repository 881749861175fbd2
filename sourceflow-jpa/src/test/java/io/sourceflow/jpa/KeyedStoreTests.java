package io.sourceflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.Command;
import io.sourceflow.ConcurrencyException;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.Metadata;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.cdi.bank.Commands.DepositMoney;
import io.sourceflow.cdi.bank.Events.AccountUpdated;
import io.sourceflow.jpa.bank.AccountSummary;
import io.sourceflow.jpa.support.Provider;
import io.sourceflow.jpa.support.Rows;
import io.sourceflow.jpa.support.TestDatabase;
import io.sourceflow.spi.EntityStore;
import io.sourceflow.spi.ViewModelStore;
import jakarta.inject.Inject;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The entity and view model stores on their own: optimistic locking of JSON documents and JPA
 * entities (a stale write is a {@link ConcurrencyException} when {@link FlushPerCommand} flushes),
 * and id conversion to the entity's {@code @Id} type.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KeyedStoreTests {

    /** The version of a row just persisted (provider-defined: EclipseLink 1, Hibernate 0). */
    static final long FIRST_VERSION = Provider.current().initialVersion();

    final TestDatabase db = TestDatabase.create(kind(), "stores_" + kind().name().toLowerCase());
    final Rows rows = new Rows(db);
    final TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(db.weld()).build();

    @Inject
    EntityStore entities;
    @Inject
    ViewModelStore views;
    @Inject
    FlushPerCommand flush;
    @Inject
    FlushPerEvent flushPerEvent;

    abstract TestDatabase.Kind kind();

    @AfterEach
    void endLeftoverTransaction() throws Exception {
        if (tm.getTransaction() != null) {
            tm.rollback();
        }
    }

    @AfterAll
    void closeDatabase() throws Exception {
        db.close();
    }

    @Test
    void staleWriteOfAJsonDocumentEntityIsAConcurrencyException() throws Exception {
        // given
        inTransaction(() -> entities.persist(BankAccount.class, "d-1", account("d-1", "10")));
        tm.begin();
        BankAccount stale = entities.find(BankAccount.class, "d-1").orElseThrow();
        Transaction first = tm.suspend();
        inTransaction(() -> entities.persist(BankAccount.class, "d-1", account("d-1", "20")));
        tm.resume(first);

        // when
        stale.setBalance(new BigDecimal("30"));
        entities.persist(BankAccount.class, "d-1", stale);

        // then
        assertThatThrownBy(() -> flush("d-1")).isInstanceOf(ConcurrencyException.class).hasMessageContaining("'d-1'");
        tm.rollback();
        assertThat(rows.value("SELECT version FROM sourceflow_document WHERE id = 'd-1'"))
                .satisfies(v -> assertThat(((Number) v).longValue()).isEqualTo(FIRST_VERSION + 1));
        assertThat(entities.find(BankAccount.class, "d-1").orElseThrow().getBalance()).isEqualByComparingTo("20");
    }

    @Test
    void staleWriteOfAnEntityViewModelIsAConcurrencyException() throws Exception {
        // given
        inTransaction(() -> views.persist(AccountSummary.class, "e-1", new AccountSummary("e-1", "Eve", BigDecimal.ONE)));
        tm.begin();
        AccountSummary stale = views.find(AccountSummary.class, "e-1").orElseThrow();
        Transaction first = tm.suspend();
        inTransaction(() -> views.find(AccountSummary.class, "e-1").orElseThrow().apply(snapshot("e-1", "2")));
        tm.resume(first);

        // when
        stale.apply(snapshot("e-1", "3"));

        // then
        assertThatThrownBy(() -> flush("e-1")).isInstanceOf(ConcurrencyException.class);
        tm.rollback();
        assertThat(rows.query("SELECT balance, version FROM bank_account_summary WHERE id = 'e-1'").get(0))
                .satisfies(r -> assertThat((BigDecimal) r.get(0)).isEqualByComparingTo("2"))
                .satisfies(r -> assertThat(((Number) r.get(1)).longValue()).isEqualTo(FIRST_VERSION + 1));
    }

    @Test
    void aDocumentReadAsAbsentThatAnotherTransactionCreatedMeanwhileIsAConflictNotOverwritten() throws Exception {
        // given: a transaction finds no model, then another one creates it
        tm.begin();
        assertThat(views.find(BranchView.Branch.class, "k-1")).isEmpty();
        Transaction first = tm.suspend();
        inTransaction(() -> views.persist(BranchView.Branch.class, "k-1", new BranchView.Branch(2, 0)));
        tm.resume(first);

        // when: the first one writes the model it made from nothing
        views.persist(BranchView.Branch.class, "k-1", new BranchView.Branch(1, 0));

        // then: it fails as a conflict instead of overwriting the other's
        assertThatThrownBy(() -> flush("k-1")).isInstanceOf(ConcurrencyException.class);
        tm.rollback();
        assertThat(views.find(BranchView.Branch.class, "k-1")).contains(new BranchView.Branch(2, 0));
    }

    @Test
    void aDocumentFoundAfterItWasMissingInTheSameTransactionIsUpdated() throws Exception {
        // given: missing at first, created by another transaction, then looked for again
        tm.begin();
        assertThat(views.find(BranchView.Branch.class, "k-2")).isEmpty();
        Transaction first = tm.suspend();
        inTransaction(() -> views.persist(BranchView.Branch.class, "k-2", new BranchView.Branch(2, 0)));
        tm.resume(first);
        Optional<BranchView.Branch> again = views.find(BranchView.Branch.class, "k-2");

        // when
        int accounts = again.map(BranchView.Branch::accounts).orElse(0);
        views.persist(BranchView.Branch.class, "k-2", new BranchView.Branch(accounts + 1, 0));

        // then: read committed (PostgreSQL, H2, Derby) finds the row, and the write builds on it; a snapshot
        // that keeps it missing (MariaDB's repeatable read) makes the write a conflict, as for one read once
        if (again.isPresent()) {
            flush("k-2");
            tm.commit();
            assertThat(views.find(BranchView.Branch.class, "k-2")).contains(new BranchView.Branch(3, 0));
        } else {
            assertThatThrownBy(() -> flush("k-2")).isInstanceOf(ConcurrencyException.class);
            tm.rollback();
            assertThat(views.find(BranchView.Branch.class, "k-2")).contains(new BranchView.Branch(2, 0));
        }
    }

    @Test
    void anEntityReadAsAbsentThatAnotherTransactionCreatedMeanwhileIsAConflictNotOverwritten() throws Exception {
        // given
        tm.begin();
        assertThat(views.find(AccountSummary.class, "n-1")).isEmpty();
        Transaction first = tm.suspend();
        inTransaction(() -> views.persist(AccountSummary.class, "n-1", new AccountSummary("n-1", "Nia", new BigDecimal("2"))));
        tm.resume(first);

        // when
        views.persist(AccountSummary.class, "n-1", new AccountSummary("n-1", "Nia", BigDecimal.ONE));

        // then
        assertThatThrownBy(() -> flush("n-1")).isInstanceOf(ConcurrencyException.class);
        tm.rollback();
        assertThat(rows.value("SELECT balance FROM bank_account_summary WHERE id = 'n-1'"))
                .satisfies(v -> assertThat((BigDecimal) v).isEqualByComparingTo("2"));
    }

    @Test
    void idsAreConvertedAndANewInstanceForAnExistingIdUpdatesIt() throws Exception {
        // given
        UUID uuid = UUID.randomUUID();
        inTransaction(() -> {
            views.persist(LongKeyed.class, "42", new LongKeyed(42L, "first"));
            views.persist(UuidKeyed.class, uuid.toString(), new UuidKeyed(uuid, "u"));
        });

        // when
        inTransaction(() -> views.persist(LongKeyed.class, "42", new LongKeyed(42L, "second")));

        // then
        inTransaction(() -> {
            assertThat(views.find(LongKeyed.class, "42").orElseThrow().getLabel()).isEqualTo("second");
            assertThat(views.find(UuidKeyed.class, uuid.toString()).orElseThrow().getLabel()).isEqualTo("u");
            assertThat(views.find(LongKeyed.class, "43")).isEmpty();
        });
        assertThat(rows.query("SELECT label, version FROM long_keyed WHERE id = 42").get(0))
                .containsExactly("second", FIRST_VERSION + 1);
        assertThatThrownBy(() -> views.find(LongKeyed.class, "not-a-number"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Long @Id");
    }

    @Test
    void deleteThenPersistInOneTransactionReplacesTheObject() throws Exception {
        // given
        inTransaction(() -> entities.persist(BankAccount.class, "r-1", account("r-1", "5")));

        // when
        inTransaction(() -> {
            entities.delete(BankAccount.class, "r-1");
            assertThat(entities.find(BankAccount.class, "r-1")).isEmpty();
            entities.persist(BankAccount.class, "r-1", account("r-1", "6"));
        });

        // then
        assertThat(entities.find(BankAccount.class, "r-1").orElseThrow().getBalance()).isEqualByComparingTo("6");
    }

    /**
     * An entity changed behind the provider's back (another server, or a commit whose answer the
     * server never got when the database went down) is read as the database has it by the next
     * transaction that reads it, not as the provider's shared cache remembers it: a saga decides on it
     * (a withdrawal refused on a stale balance would be final), and a write of a stale row would fail
     * on its version, or without one undo the change.
     */
    @Test
    void anEntityChangedBehindTheProvidersBackIsReadAsTheDatabaseHasIt() throws Exception {
        // given: read once, so a provider with a shared cache caches the row
        inTransaction(() -> entities.persist(BankAccount.class, "c-2", account("c-2", "1")));
        inTransaction(() -> entities.find(BankAccount.class, "c-2").orElseThrow());
        rows.update("UPDATE sourceflow_document SET body = ?, version = version + 1 WHERE id = 'c-2'",
                "{\"balance\":8,\"closed\":false,\"id\":\"c-2\"}");

        // when: the next command on it
        inTransaction(() -> {
            BankAccount account = entities.find(BankAccount.class, "c-2").orElseThrow();
            assertThat(account.getBalance()).isEqualByComparingTo("8");
            account.setBalance(new BigDecimal("10"));
            entities.persist(BankAccount.class, "c-2", account);
            assertThat(entities.find(BankAccount.class, "c-2").orElseThrow().getBalance())
                    .as("read again in the transaction: as it left it").isEqualByComparingTo("10");
            flush("c-2");
        });

        // then
        assertThat(((Number) rows.value("SELECT version FROM sourceflow_document WHERE id = 'c-2'")).longValue())
                .isEqualTo(FIRST_VERSION + 2);
    }

    /**
     * A cached entity whose row was deleted behind the provider's back is missing for the next
     * transaction that reads it, on its first read and on later ones, and can be created again.
     */
    @Test
    void anEntityDeletedBehindTheProvidersBackIsMissing() throws Exception {
        // given: read once, so a provider with a shared cache caches the row
        inTransaction(() -> entities.persist(BankAccount.class, "c-3", account("c-3", "1")));
        inTransaction(() -> entities.find(BankAccount.class, "c-3").orElseThrow());
        rows.update("DELETE FROM sourceflow_document WHERE id = ?", "c-3");

        // when, then
        inTransaction(() -> {
            assertThat(entities.find(BankAccount.class, "c-3")).as("first read").isEmpty();
            assertThat(entities.find(BankAccount.class, "c-3")).as("read again").isEmpty();
            entities.persist(BankAccount.class, "c-3", account("c-3", "4"));
            flush("c-3");
        });
        inTransaction(() -> assertThat(entities.find(BankAccount.class, "c-3").orElseThrow().getBalance())
                .isEqualByComparingTo("4"));
    }

    /**
     * A view model changed behind the provider's back is read from the cache, stale: its write fails
     * on its version, the cache is emptied, and the retry reads the database (else every retry would
     * fail the same way, forever).
     */
    @Test
    void aViewModelChangedBehindTheProvidersBackFailsOnceThenIsReadAsTheDatabaseHasIt() throws Exception {
        // given
        inTransaction(() -> views.persist(AccountSummary.class, "c-1", new AccountSummary("c-1", "Eve", BigDecimal.ONE)));
        inTransaction(() -> views.find(AccountSummary.class, "c-1").orElseThrow());
        rows.update("UPDATE bank_account_summary SET balance = 7, version = version + 1 WHERE id = 'c-1'");

        // when: a projection, then its retry
        tm.begin();
        views.find(AccountSummary.class, "c-1").orElseThrow().apply(snapshot("c-1", "9"));
        if (Provider.current() == Provider.ECLIPSELINK) {
            assertThatThrownBy(() -> flush("c-1")).as("the cached row is stale").isInstanceOf(ConcurrencyException.class);
        }
        tm.rollback();
        inTransaction(() -> {
            AccountSummary view = views.find(AccountSummary.class, "c-1").orElseThrow();
            assertThat(view.getBalance()).isEqualByComparingTo("7");
            view.apply(snapshot("c-1", "9"));
            flush("c-1");
        });

        // then
        assertThat(rows.query("SELECT balance, version FROM bank_account_summary WHERE id = 'c-1'").get(0))
                .satisfies(r -> assertThat((BigDecimal) r.get(0)).isEqualByComparingTo("9"))
                .satisfies(r -> assertThat(((Number) r.get(1)).longValue()).isEqualTo(FIRST_VERSION + 2));
    }

    @Test
    void aStaleViewModelFailsWhenItsEventIsDispatchedNotAtCommit() throws Exception {
        // given
        inTransaction(() -> views.persist(AccountSummary.class, "v-1", new AccountSummary("v-1", "Val", BigDecimal.ONE)));
        tm.begin();
        AccountSummary stale = views.find(AccountSummary.class, "v-1").orElseThrow();
        Transaction first = tm.suspend();
        inTransaction(() -> views.find(AccountSummary.class, "v-1").orElseThrow().apply(snapshot("v-1", "2")));
        tm.resume(first);

        // when: the event's projection changes the stale view model
        Envelope<Event> event = new Envelope<>(new AccountUpdated(snapshot("v-1", "3")), Metadata.create("v-1"));

        // then
        assertThatThrownBy(() -> flushPerEvent.handle(event, e -> stale.apply(snapshot("v-1", "3"))))
                .isInstanceOf(ConcurrencyException.class).hasMessageContaining("AccountUpdated");
        tm.rollback();
    }

    /** Ends a pretend command on an entity, as the bus would: the middleware flushes. */
    private void flush(String entityId) {
        Envelope<Command> envelope = new Envelope<>(new DepositMoney(EntityRef.of(entityId), BigDecimal.ONE),
                Metadata.create(entityId));
        flush.handle(envelope, e -> { });
    }

    private void inTransaction(Runnable work) throws Exception {
        tm.begin();
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            tm.rollback();
            throw e;
        }
        tm.commit();
    }

    private static BankAccount account(String id, String balance) {
        BankAccount account = new BankAccount();
        account.setId(id);
        account.setBalance(new BigDecimal(balance));
        return account;
    }

    private static BankAccount.Snapshot snapshot(String id, String balance) {
        return new BankAccount.Snapshot(id, "Eve", new BigDecimal(balance), false, null, null);
    }
}
