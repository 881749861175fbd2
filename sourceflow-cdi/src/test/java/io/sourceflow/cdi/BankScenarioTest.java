package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.Command;
import io.sourceflow.CommandBus;
import io.sourceflow.EntityNotFoundException;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;
import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.AccountViewModel;
import io.sourceflow.cdi.bank.ActivityView;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.cdi.bank.BusinessRuleException;
import io.sourceflow.cdi.bank.Commands.DepositMoney;
import io.sourceflow.spi.CommandStore;
import io.sourceflow.spi.EntityStore;
import io.sourceflow.spi.ViewModelStore;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

@EnableWeld
class BankScenarioTest {

    @WeldSetup
    WeldInitiator weld = SourceFlowWeld.initiator(AccountSaga.class, AccountView.class, ActivityView.class, AccountAggregate.class);

    @Inject
    AccountAggregate accounts;
    @Inject
    CommandBus bus;
    @Inject
    CommandStore log;
    @Inject
    EntityStore entities;
    @Inject
    ViewModelStore views;

    @Test
    void seedScenarioThenReplayThenClose() {
        // given
        accounts.open("a-1", "Jane", new BigDecimal("1000"));
        accounts.deposit("a-1", new BigDecimal("500"));
        accounts.withdraw("a-1", new BigDecimal("200"));
        accounts.deposit("a-1", new BigDecimal("100"));

        // then
        BankAccount.Snapshot before = account("a-1").snapshot();
        AccountViewModel viewBefore = view("a-1");
        assertThat(before.balance()).isEqualByComparingTo("1400");
        assertThat(viewBefore.currentBalance()).isEqualByComparingTo("1400");
        assertThat(viewBefore.transactionCount()).isEqualTo(3);
        assertThat(activity("a-1")).isEqualTo(4);
        assertThat(logged("a-1")).extracting(e -> e.metadata().sequenceNo()).containsExactly(1L, 2L, 3L, 4L);

        // when
        long replayed = accounts.rebuild("a-1");

        // then
        assertThat(replayed).isEqualTo(4);
        assertThat(account("a-1").snapshot()).isEqualTo(before);
        assertThat(view("a-1")).isEqualTo(viewBefore);
        assertThat(activity("a-1")).isEqualTo(4);
        assertThat(logged("a-1")).hasSize(4);

        // when
        accounts.close("a-1", "moving abroad");

        // then
        assertThat(view("a-1").closed()).isTrue();
        assertThat(view("a-1").closureReason()).isEqualTo("moving abroad");
        assertThat(logged("a-1")).hasSize(5);
    }

    @Test
    void overdraftIsRejectedAndChangesNothing() {
        // given
        accounts.open("a-2", "Joe", new BigDecimal("100"));

        // when / then
        assertThatThrownBy(() -> accounts.withdraw("a-2", new BigDecimal("100.01")))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("cannot withdraw 100.01");
        assertThat(account("a-2").getBalance()).isEqualByComparingTo("100");
        assertThat(view("a-2").currentBalance()).isEqualByComparingTo("100");
        assertThat(view("a-2").transactionCount()).isZero();
        assertThat(logged("a-2")).hasSize(1);
    }

    @Test
    void closedAccountRejectsDeposits() {
        accounts.open("a-3", "Ann", BigDecimal.TEN);
        accounts.close("a-3", "done");

        assertThatThrownBy(() -> accounts.deposit("a-3", BigDecimal.ONE))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("is closed");
        assertThat(logged("a-3")).hasSize(2);
    }

    @Test
    void commandForMissingEntityNamesIt() {
        assertThatThrownBy(() -> accounts.deposit("nobody", BigDecimal.ONE))
                .isInstanceOf(EntityNotFoundException.class)
                .hasMessageContaining("'nobody'")
                .hasMessageContaining("DepositMoney");
        assertThat(logged("nobody")).isEmpty();
    }

    @Test
    void eventsCarryTheCommandsEntitySequenceAndCausation() {
        Metadata command = accounts.open("a-4", "Kim", BigDecimal.ONE);

        List<Metadata> created = accounts.created();
        assertThat(created).singleElement().satisfies(event -> {
            assertThat(event.entityId()).isEqualTo("a-4");
            assertThat(event.sequenceNo()).isEqualTo(1);
            assertThat(event.causationId()).isEqualTo(command.messageId());
            assertThat(event.correlationId()).isEqualTo(command.correlationId());
            assertThat(event.replay()).isFalse();
        });
    }

    @Test
    void replayOfUnknownEntityFails() {
        assertThatThrownBy(() -> bus.replay(EntityRef.of("ghost")))
                .isInstanceOf(EntityNotFoundException.class).hasMessageContaining("'ghost'");
    }

    @Test
    void remoteEnvelopeKeepsItsIdentityAndGetsALocalSequenceNumber() {
        accounts.open("a-5", "Lee", BigDecimal.ONE);
        Command deposit = new DepositMoney(EntityRef.of("a-5"), BigDecimal.TEN);
        Metadata received = Metadata.create("a-5").withOrigin(Metadata.Origin.REMOTE);

        Metadata logged = bus.publish(new Envelope<>(deposit, received));

        assertThat(logged.messageId()).isEqualTo(received.messageId());
        assertThat(logged.isRemote()).isTrue();
        assertThat(logged.sequenceNo()).isEqualTo(2);
        assertThat(account("a-5").getBalance()).isEqualByComparingTo("11");
    }

    private BankAccount account(String id) {
        return entities.find(BankAccount.class, id).orElseThrow();
    }

    private AccountViewModel view(String id) {
        return views.find(AccountViewModel.class, id).orElseThrow();
    }

    private int activity(String id) {
        return views.find(ActivityView.Activity.class, id).orElseThrow().events();
    }

    private List<Envelope<Command>> logged(String id) {
        try (Stream<Envelope<Command>> commands = log.load("BankAccount", id)) {
            return commands.toList();
        }
    }
}
