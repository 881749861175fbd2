package io.sourceflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.CommandBus;
import io.sourceflow.ConcurrencyException;
import io.sourceflow.EntityRef;
import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.jpa.bank.AccountSummaryView;
import io.sourceflow.jpa.bank.Faults;
import io.sourceflow.jpa.bank.Names;
import io.sourceflow.jpa.support.Rows;
import io.sourceflow.jpa.support.TestDatabase;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A failure anywhere in a command's handling leaves the log, the entity and every view as they were. */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AtomicityTests {

    final TestDatabase db = TestDatabase.create(kind(), "atomicity_" + kind().name().toLowerCase()
            + (transactions() == TestDatabase.Transactions.XA ? "" : "_local"), transactions());
    final Rows rows = new Rows(db);

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(db.weld(AccountSaga.class, AccountView.class, AccountSummaryView.class,
            AccountAggregate.class, Faults.FaultySaga.class, Faults.PoisonedView.class, Names.NamingSaga.class)).build();

    @Inject
    AccountAggregate accounts;
    @Inject
    CommandBus bus;
    @Inject
    Names.NamingSaga naming;

    abstract TestDatabase.Kind kind();

    /** How the data source enlists connections; XA unless a subclass says otherwise. */
    TestDatabase.Transactions transactions() {
        return TestDatabase.Transactions.XA;
    }

    @AfterAll
    void closeDatabase() throws Exception {
        db.close();
    }

    @Test
    void sagaThatThrowsAfterRaisingAnEventLeavesNoTrace() {
        // given
        accounts.open("s-1", "Sam", new BigDecimal("100"));
        List<List<Object>> before = everything("s-1");

        // when / then
        assertThatThrownBy(() -> bus.publish(new Faults.DepositThenFail(EntityRef.of("s-1"), BigDecimal.TEN)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("after raising");
        assertThat(everything("s-1")).isEqualTo(before);
        assertThat(rows.value("SELECT COUNT(*) FROM sourceflow_command WHERE entity_id = 's-1'"))
                .satisfies(count -> assertThat(((Number) count).longValue()).isEqualTo(1));
    }

    @Test
    void aFailingCommandInTheCallersTransactionDoomsItAndReachesTheCallerAsThrown() throws Exception {
        // given
        accounts.open("c-1", "Cleo", new BigDecimal("100"));
        List<List<Object>> before = everything("c-1");
        TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();

        // when
        tm.begin();
        try {
            assertThatThrownBy(() -> bus.publish(new Faults.DepositThenFail(EntityRef.of("c-1"), BigDecimal.TEN)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("after raising");
            // then: the caller's transaction can only roll back
            assertThat(tm.getStatus()).isEqualTo(Status.STATUS_MARKED_ROLLBACK);
        } finally {
            tm.rollback();
        }
        assertThat(everything("c-1")).isEqualTo(before);
    }

    @Test
    void aUniqueViolationInTheApplicationsOwnTableIsNotTakenForAConflictNorRetried() {
        // given: one account already named "dup"
        accounts.open("n-1", "Nia", BigDecimal.ONE);
        accounts.open("n-2", "Ned", BigDecimal.ONE);
        bus.publish(new Names.NameAccount(EntityRef.of("n-1"), "dup"));
        int runsBefore = naming.runs();
        List<List<Object>> before = everything("n-2");

        // when / then: the database's own error, after one run, and nothing kept
        assertThatThrownBy(() -> bus.publish(new Names.NameAccount(EntityRef.of("n-2"), "dup")))
                .isInstanceOf(PersistenceException.class)
                .satisfies(e -> assertThat(causes(e)).noneMatch(ConcurrencyException.class::isInstance));
        assertThat(naming.runs() - runsBefore).isEqualTo(1);
        assertThat(everything("n-2")).isEqualTo(before);
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    @Test
    void viewThatThrowsRollsBackTheSagaAndTheOtherViews() {
        // given
        accounts.open("v-1", "Val", new BigDecimal("100"));
        List<List<Object>> before = everything("v-1");

        // when / then
        assertThatThrownBy(() -> bus.publish(new Faults.DepositThenPoison(EntityRef.of("v-1"), BigDecimal.TEN)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("view fails on v-1");
        assertThat(everything("v-1")).isEqualTo(before);
    }

    /** Every row the scenario writes for an account: log, documents (entity and record view), summary. */
    private List<List<Object>> everything(String id) {
        List<List<Object>> all = new ArrayList<>();
        all.addAll(rows.query("SELECT entity_id, sequence_no, type_alias, payload FROM sourceflow_command"
                + " WHERE entity_id = ? ORDER BY sequence_no", id));
        all.addAll(rows.query("SELECT type_name, version, body FROM sourceflow_document WHERE id = ? ORDER BY type_name", id));
        all.addAll(rows.query("SELECT balance, transaction_count, version FROM bank_account_summary WHERE id = ?", id));
        assertThat(all).hasSize(4);
        return all;
    }
}
