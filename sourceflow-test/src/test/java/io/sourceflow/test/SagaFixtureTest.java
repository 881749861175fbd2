package io.sourceflow.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.EntityNotFoundException;
import io.sourceflow.EntityRef;
import io.sourceflow.NoHandlerException;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.AccountViewModel;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.cdi.bank.BusinessRuleException;
import io.sourceflow.cdi.bank.Commands.CreateAccount;
import io.sourceflow.cdi.bank.Commands.DepositMoney;
import io.sourceflow.cdi.bank.Commands.WithdrawMoney;
import io.sourceflow.cdi.bank.Events.AccountUpdated;
import io.sourceflow.cdi.followup.Transfers.TransferMoney;
import io.sourceflow.cdi.followup.Transfers.TransferSaga;
import io.sourceflow.cdi.invalid.InvalidHandlers;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SagaFixtureTest {

    private static final EntityRef A1 = EntityRef.of("a-1");

    private final SagaFixture<BankAccount> fixture = SagaFixture.of(new AccountSaga());

    @Test
    void givenCommandsThenTheCommandUnderTestRaisesItsEventsAndLeavesTheState() {
        Then<BankAccount> then = fixture
                .given(new CreateAccount(A1.asNew(), "Jane", new BigDecimal("100")))
                .when(new DepositMoney(A1, new BigDecimal("50")));

        then.expectSuccess()
                .expectEvents(new AccountUpdated(new BankAccount.Snapshot("a-1", "Jane", new BigDecimal("150"), false, null, null)))
                .expectNoCommands()
                .expectState(account -> assertThat(account.getBalance()).isEqualByComparingTo("150"));
        assertThat(then.events()).hasSize(1);
    }

    @Test
    void aRejectedCommandIsExpectedWithItsMessageAndChangesNothing() {
        fixture.given(new CreateAccount(A1.asNew(), "Jane", new BigDecimal("100")))
                .when(new WithdrawMoney(A1, new BigDecimal("150")))
                .expectException(BusinessRuleException.class, "cannot withdraw 150")
                .expectNoEvents();

        assertThat(fixture.runtime().entities().find(BankAccount.class, "a-1").orElseThrow().getBalance())
                .isEqualByComparingTo("100");
    }

    @Test
    void givenStateStandsForEarlierCommands() {
        BankAccount account = new BankAccount();
        account.setId("a-1");
        account.setAccountName("Jane");
        account.setBalance(new BigDecimal("10"));

        fixture.givenState("a-1", account)
                .when(new DepositMoney(A1, BigDecimal.ONE))
                .expectState(after -> assertThat(after.getBalance()).isEqualByComparingTo("11"));
    }

    @Test
    void aCommandForAMissingEntityFails() {
        fixture.when(new DepositMoney(A1, BigDecimal.ONE))
                .expectException(EntityNotFoundException.class, "'a-1'")
                .expectNoEvents();
    }

    @Test
    void commandsTheSagaPublishesAreRecordedAndGoNowhere() {
        SagaFixture<BankAccount> transfers = SagaFixture.of(new TransferSaga());
        BankAccount from = new BankAccount();
        from.setId("from");
        from.setBalance(new BigDecimal("30"));

        transfers.givenState("from", from)
                .when(new TransferMoney(EntityRef.of("from"), "to", BigDecimal.TEN))
                .expectCommands(new DepositMoney(EntityRef.of("to"), BigDecimal.TEN))
                .expectState(after -> assertThat(after.getBalance()).isEqualByComparingTo("20"));
    }

    @Test
    void otherHandlersTakePartAndAreReadThroughTheRuntime() {
        SagaFixture<BankAccount> withView = SagaFixture.of(new AccountSaga(), new AccountView());

        withView.given(new CreateAccount(A1.asNew(), "Jane", new BigDecimal("100")))
                .when(new DepositMoney(A1, new BigDecimal("5")))
                .expectSuccess();

        assertThat(withView.runtime().views().find(AccountViewModel.class, "a-1").orElseThrow().transactionCount()).isEqualTo(1);
    }

    @Test
    void failedExpectationsSayWhatDiffers() {
        Then<BankAccount> then = fixture.given(new CreateAccount(A1.asNew(), "Jane", new BigDecimal("100")))
                .when(new WithdrawMoney(A1, new BigDecimal("150")));

        assertThatThrownBy(then::expectSuccess).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected success, but it failed with").hasMessageContaining("cannot withdraw 150")
                .hasCauseInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> then.expectException(IllegalStateException.class)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected java.lang.IllegalStateException, but it failed with");
        Then<BankAccount> deposited = fixture.when(new DepositMoney(A1, BigDecimal.ONE));
        assertThatThrownBy(deposited::expectNoEvents).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected events []").hasMessageContaining("but got [AccountUpdated[");
        assertThatThrownBy(() -> deposited.expectException(RuntimeException.class)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("but it succeeded");
    }

    @Test
    void anUnexpectedFailureFailsTheOtherExpectations() {
        Then<BankAccount> crashed = fixture.given(new CreateAccount(A1.asNew(), "Jane", new BigDecimal("100")))
                .when(new WithdrawMoney(A1, new BigDecimal("150")));

        assertThatThrownBy(crashed::expectNoEvents).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected no events, but it failed with").hasMessageContaining("call expectException first");
        assertThatThrownBy(() -> crashed.expectState(account -> { })).isInstanceOf(AssertionError.class);
        assertThatThrownBy(crashed::expectNoCommands).isInstanceOf(AssertionError.class);
        crashed.expectException(BusinessRuleException.class).expectNoEvents().expectNoCommands();
    }

    @Test
    void aCommandTheFixtureHasNoSagaForIsAFailureNotASilentPass() {
        fixture.when(new TransferMoney(A1, "to", BigDecimal.ONE))
                .expectException(NoHandlerException.class, "give its saga to the fixture");
        assertThatThrownBy(() -> fixture.given(new TransferMoney(A1, "to", BigDecimal.ONE)))
                .isInstanceOf(IllegalStateException.class).hasCauseInstanceOf(NoHandlerException.class);
    }

    @Test
    void givenCommandsMayPublishFollowUpsThatGoElsewhere() {
        SagaFixture<BankAccount> transfers = SagaFixture.of(new TransferSaga());
        BankAccount from = new BankAccount();
        from.setId("from");
        from.setBalance(new BigDecimal("30"));

        transfers.givenState("from", from)
                .given(new TransferMoney(EntityRef.of("from"), "to", BigDecimal.ONE))
                .when(new TransferMoney(EntityRef.of("from"), "to", BigDecimal.TEN))
                .expectCommands(new DepositMoney(EntityRef.of("to"), BigDecimal.TEN));
    }

    @Test
    void aBrokenGivenCommandStopsTheTest() {
        assertThatThrownBy(() -> fixture.given(new DepositMoney(A1, BigDecimal.ONE)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The given command DepositMoney[")
                .hasCauseInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void badHandlersFailTheFixtureAsTheyWouldFailADeployment() {
        assertThatThrownBy(() -> SagaFixture.of(new InvalidHandlers.FirstPingSaga(), new InvalidHandlers.SecondPingSaga()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 2 handlers, it must have one");
    }
}
