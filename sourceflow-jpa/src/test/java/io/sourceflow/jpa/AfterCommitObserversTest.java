package io.sourceflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.CommandBus;
import io.sourceflow.ConcurrencyException;
import io.sourceflow.EntityRef;
import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.cdi.bank.Commands;
import io.sourceflow.cdi.bank.Events.AccountUpdated;
import io.sourceflow.jpa.bank.AccountSummaryView;
import io.sourceflow.jpa.bank.Faults;
import io.sourceflow.spi.EntityStore;
import io.sourceflow.jpa.support.TestDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The events a command raises reach the application's CDI observers: an observer of
 * {@code TransactionPhase.AFTER_SUCCESS} once the command's transaction committed, once, never for
 * work rolled back, never on a replay; an observer without a phase at once, in the transaction.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AfterCommitObserversTest {

    final TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2, "observers");

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(db.weld(AccountSaga.class, AccountView.class, AccountSummaryView.class,
            AccountAggregate.class, Faults.FaultySaga.class, Faults.PoisonedView.class, Mailer.class)).build();

    @Inject
    AccountAggregate accounts;
    @Inject
    CommandBus bus;
    @Inject
    Mailer mailer;
    @Inject
    EntityStore entities;

    @AfterAll
    void closeDatabase() throws Exception {
        db.close();
    }

    @BeforeEach
    void clear() {
        mailer.clear();
    }

    @Test
    void anObserverAfterSuccessSeesEachEventOnceWhenItsCommandIsCommitted() {
        accounts.open("m-1", "Mia", new BigDecimal("100"));

        accounts.deposit("m-1", BigDecimal.TEN);

        // the deposit's update, observed once, when its transaction had committed
        assertThat(mailer.mailed()).containsExactly(new Mail("m-1", new BigDecimal("110"), Status.STATUS_COMMITTED));
        assertThat(mailer.inTransaction()).hasSize(1);
    }

    @Test
    void workRolledBackIsNeverObservedAfterSuccess() {
        accounts.open("m-2", "Max", new BigDecimal("100"));

        // the saga raises the update, then a view fails on the next event: the transaction rolls back
        assertThatThrownBy(() -> bus.publish(new Faults.DepositThenPoison(EntityRef.of("m-2"), BigDecimal.ONE)));

        assertThat(mailer.inTransaction()).hasSize(1);
        assertThat(mailer.mailed()).isEmpty();
    }

    @Test
    void aCommandTheBusRetriesIsObservedOnceAfterItsLastAttempt() {
        accounts.open("m-3", "Mo", new BigDecimal("100"));
        mailer.conflictOnce();

        accounts.deposit("m-3", BigDecimal.ONE);

        assertThat(mailer.inTransaction()).as("in the transaction of each attempt").hasSize(2);
        assertThat(mailer.mailed()).containsExactly(new Mail("m-3", new BigDecimal("101"), Status.STATUS_COMMITTED));
    }

    @Test
    void anObserverAfterSuccessMayPublishACommandWhichRunsInATransactionOfItsOwn() {
        accounts.open("m-5", "Moe", new BigDecimal("100"));
        accounts.open("m-6", "May", new BigDecimal("100"));

        // when: a deposit on m-5 commits, and its observer deposits 1 on m-6
        accounts.deposit("m-5", BigDecimal.TEN);

        // then
        assertThat(entities.find(BankAccount.class, "m-6").orElseThrow().getBalance()).isEqualByComparingTo("101");
        assertThat(mailer.mailed()).extracting(Mail::account).containsExactly("m-5", "m-6");
    }

    @Test
    void aReplayIsNotObserved() {
        accounts.open("m-4", "Meg", new BigDecimal("100"));
        accounts.deposit("m-4", BigDecimal.ONE);
        mailer.clear();

        assertThat(bus.replay(EntityRef.of("m-4"))).isEqualTo(2);

        assertThat(mailer.inTransaction()).isEmpty();
        assertThat(mailer.mailed()).isEmpty();
    }

    /**
     * A mail sent for an account's update.
     *
     * @param account the account
     * @param balance its new balance
     * @param status the status of the thread's transaction when the mail was sent
     */
    record Mail(String account, BigDecimal balance, int status) {
    }

    /** The application's observers of account updates. */
    @ApplicationScoped
    static class Mailer {

        final List<Mail> mailed = new CopyOnWriteArrayList<>();
        final List<AccountUpdated> inTransaction = new CopyOnWriteArrayList<>();
        final AtomicBoolean conflictOnce = new AtomicBoolean();
        @Inject
        CommandBus bus;
        final TransactionSynchronizationRegistry transactions =
                new com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple();

        void mail(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountUpdated updated) {
            mailed.add(new Mail(updated.account().id(), updated.account().balance(), transactions.getTransactionStatus()));
            if (updated.account().id().equals("m-5")) {
                bus.publish(new Commands.DepositMoney(EntityRef.of("m-6"), BigDecimal.ONE));
            }
        }

        void check(@Observes AccountUpdated updated) {
            inTransaction.add(updated);
            if (conflictOnce.compareAndSet(true, false)) {
                throw new ConcurrencyException("another writer was first (test)");
            }
        }

        void conflictOnce() {
            conflictOnce.set(true);
        }

        List<Mail> mailed() {
            return List.copyOf(mailed);
        }

        List<AccountUpdated> inTransaction() {
            return List.copyOf(inTransaction);
        }

        void clear() {
            mailed.clear();
            inTransaction.clear();
        }
    }
}
