package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.Command;
import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.cdi.bank.Commands.CreateAccount;
import io.sourceflow.cdi.followup.Transfers;
import io.sourceflow.spi.CommandStore;
import io.sourceflow.spi.EntityStore;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/** Commands published from handlers are logged on their own entity, caused by their trigger, and never replayed twice. */
@EnableWeld
class FollowUpTest {

    @WeldSetup
    WeldInitiator weld = SourceFlowWeld.initiator(AccountSaga.class, AccountView.class, Transfers.TransferSaga.class,
            Transfers.Activator.class);

    @Inject
    CommandBus bus;
    @Inject
    Transfers.Activator activator;
    @Inject
    CommandStore log;
    @Inject
    EntityStore entities;

    @Test
    void aggregateReactsToAnEventWithACommandCausedByIt() {
        // when
        Metadata created = bus.publish(new CreateAccount(EntityRef.of("f-1").asNew(), "Fay", BigDecimal.TEN));

        // then
        assertThat(account("f-1").getActiveOn()).isEqualTo(LocalDate.of(2026, 1, 1));
        List<Envelope<Command>> commands = logged("f-1");
        assertThat(commands).hasSize(2);
        Metadata activation = commands.get(1).metadata();
        Metadata event = activator.seen().get(0);
        assertThat(activation.causationId()).isEqualTo(event.messageId());
        assertThat(event.causationId()).isEqualTo(created.messageId());
        assertThat(activation.correlationId()).isEqualTo(created.correlationId());
    }

    @Test
    void sagaFollowUpRunsAfterItsEntityIsPersistedAndIsNotRepublishedOnReplay() {
        // given
        bus.publish(new CreateAccount(EntityRef.of("f-2").asNew(), "From", new BigDecimal("100")));
        bus.publish(new CreateAccount(EntityRef.of("f-3").asNew(), "To", BigDecimal.ZERO));

        // when
        Metadata transfer = bus.publish(new Transfers.TransferMoney(EntityRef.of("f-2"), "f-3", new BigDecimal("30")));

        // then
        assertThat(account("f-2").getBalance()).isEqualByComparingTo("70");
        assertThat(account("f-3").getBalance()).isEqualByComparingTo("30");
        Metadata deposit = logged("f-3").get(2).metadata();
        assertThat(deposit.causationId()).isEqualTo(transfer.messageId());

        // when
        bus.replay(EntityRef.of("f-2"));

        // then
        assertThat(account("f-2").getBalance()).isEqualByComparingTo("70");
        assertThat(account("f-3").getBalance()).isEqualByComparingTo("30");
        assertThat(logged("f-3")).hasSize(3);
        assertThat(logged("f-2")).hasSize(3);
    }

    private BankAccount account(String id) {
        return entities.find(BankAccount.class, id).orElseThrow();
    }

    private List<Envelope<Command>> logged(String id) {
        try (Stream<Envelope<Command>> commands = log.load("BankAccount", id)) {
            return commands.toList();
        }
    }
}
