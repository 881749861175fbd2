package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;
import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.AccountViewModel;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.cdi.transport.RecordingTransactions;
import io.sourceflow.spi.CommandStore;
import io.sourceflow.spi.EntityStore;
import io.sourceflow.spi.ViewModelStore;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/**
 * The in-memory command log, entity store and view store follow the caller's JTA transaction: a
 * publish that succeeded inside a transaction that then rolls back leaves no trace, and the next
 * command gets the sequence number the rolled-back one had.
 */
@EnableWeld
class InMemoryStoresUnderJtaTest {

    @WeldSetup
    WeldInitiator weld = SourceFlowWeld.initiator(RecordingTransactions.class, AccountSaga.class, AccountView.class,
            AccountAggregate.class);

    @Inject
    AccountAggregate accounts;
    @Inject
    RecordingTransactions transactions;
    @Inject
    CommandStore log;
    @Inject
    EntityStore entities;
    @Inject
    ViewModelStore views;

    @Test
    void aRolledBackTransactionTakesBackLogEntityViewAndSequenceNumber() {
        // given
        transactions.begin();
        accounts.open("j-1", "Jo", BigDecimal.TEN);
        transactions.complete(Status.STATUS_COMMITTED);
        transactions.begin();
        Metadata deposited = accounts.deposit("j-1", BigDecimal.ONE);
        assertThat(deposited.sequenceNo()).isEqualTo(2);

        // when
        transactions.complete(Status.STATUS_ROLLEDBACK);

        // then
        assertThat(entities.find(BankAccount.class, "j-1").orElseThrow().getBalance()).isEqualByComparingTo("10");
        assertThat(views.find(AccountViewModel.class, "j-1").orElseThrow().currentBalance()).isEqualByComparingTo("10");
        assertThat(logged("j-1")).hasSize(1);
        transactions.begin();
        assertThat(accounts.deposit("j-1", BigDecimal.TEN).sequenceNo()).isEqualTo(2);
        transactions.complete(Status.STATUS_COMMITTED);
        assertThat(entities.find(BankAccount.class, "j-1").orElseThrow().getBalance()).isEqualByComparingTo("20");
    }

    @Test
    void aCommittedTransactionKeepsEverything() {
        // given
        transactions.begin();
        accounts.open("j-2", "Jo", BigDecimal.TEN);

        // when
        transactions.complete(Status.STATUS_COMMITTED);

        // then
        assertThat(entities.find(BankAccount.class, "j-2")).isPresent();
        assertThat(views.find(AccountViewModel.class, "j-2")).isPresent();
        assertThat(logged("j-2")).hasSize(1);
    }

    private List<Envelope<Command>> logged(String id) {
        try (Stream<Envelope<Command>> commands = log.load("BankAccount", id)) {
            return commands.toList();
        }
    }
}
