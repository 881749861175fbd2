package io.sourceflow.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.EntityRef;
import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.cdi.bank.BusinessRuleException;
import io.sourceflow.cdi.bank.Commands.ActivateAccount;
import io.sourceflow.cdi.bank.Commands.CreateAccount;
import io.sourceflow.cdi.bank.Commands.DepositMoney;
import io.sourceflow.cdi.bank.Commands.WithdrawMoney;
import io.sourceflow.cdi.bank.Events.AccountCreated;
import io.sourceflow.cdi.followup.Transfers.Activator;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AggregateFixtureTest {

    @Test
    void theCommandsAnAggregatesMethodSendsAreRecorded() {
        AggregateFixture.of(new AccountAggregate())
                .when(accounts -> accounts.deposit("a-1", new BigDecimal("50")))
                .expectCommands(new DepositMoney(EntityRef.of("a-1"), new BigDecimal("50")))
                .expectNoEvents();
    }

    @Test
    void anEventTheAggregateSubscribesToMakesItSendACommand() {
        AggregateFixture.of(new Activator())
                .when("a-1", new AccountCreated(new BankAccount.Snapshot("a-1", "Jane", BigDecimal.ONE, false, null, null)))
                .expectCommands(new ActivateAccount(EntityRef.of("a-1"), LocalDate.of(2026, 1, 1)));
    }

    @Test
    void commandsSentBeforeAFailedSendStayAndAreListed() {
        AggregateFixture<AccountAggregate> fixture = AggregateFixture.of(new AccountAggregate(), new AccountSaga());

        Then<Void> then = fixture.when(accounts -> {
            accounts.open("a-1", "Jane", BigDecimal.TEN);
            accounts.withdraw("a-1", new BigDecimal("11"));
        });

        then.expectException(BusinessRuleException.class)
                .expectCommands(new CreateAccount(EntityRef.of("a-1").asNew(), "Jane", BigDecimal.TEN),
                        new WithdrawMoney(EntityRef.of("a-1"), new BigDecimal("11")));
        assertThat(fixture.runtime().entities().find(BankAccount.class, "a-1")).isPresent();
    }

    @Test
    void withTheSagaTheSentCommandIsHandledAndItsEventsRecorded() {
        AggregateFixture<AccountAggregate> fixture = AggregateFixture.of(new AccountAggregate(), new AccountSaga());

        Then<Void> then = fixture.when(accounts -> accounts.open("a-1", "Jane", BigDecimal.TEN));

        then.expectCommands(new CreateAccount(EntityRef.of("a-1").asNew(), "Jane", BigDecimal.TEN));
        assertThat(then.events()).singleElement().isInstanceOf(AccountCreated.class);
        assertThat(fixture.runtime().entities().find(BankAccount.class, "a-1")).isPresent();
    }
}
