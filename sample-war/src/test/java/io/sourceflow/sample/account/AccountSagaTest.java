package io.sourceflow.sample.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.EntityExistsException;
import io.sourceflow.EntityRef;
import io.sourceflow.sample.account.BankAccount.Snapshot;
import io.sourceflow.sample.account.Commands.ActivateAccount;
import io.sourceflow.sample.account.Commands.CloseAccount;
import io.sourceflow.sample.account.Commands.CreateAccount;
import io.sourceflow.sample.account.Commands.DepositMoney;
import io.sourceflow.sample.account.Commands.WithdrawMoney;
import io.sourceflow.sample.account.Events.AccountCreated;
import io.sourceflow.sample.account.Events.AccountUpdated;
import io.sourceflow.test.SagaFixture;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The account saga with sourceflow-test's fixture: no container, no database. */
class AccountSagaTest {

    private static final EntityRef A1 = EntityRef.of("a-1");
    private static final CreateAccount OPEN = new CreateAccount(A1.asNew(), "Jane", new BigDecimal("100"), null);

    private final SagaFixture<BankAccount> accounts = SagaFixture.of(new AccountSaga());

    @Test
    void openingAnAccountRaisesItsCreation() {
        accounts.when(OPEN)
                .expectEvents(new AccountCreated(new Snapshot("a-1", "Jane", new BigDecimal("100"), false, null, null)))
                .expectNoCommands()
                .expectState(account -> assertThat(account.getCreatedOn()).isNotNull());
    }

    @Test
    void aDepositRaisesTheNewBalance() {
        accounts.given(OPEN)
                .when(new DepositMoney(A1, new BigDecimal("50")))
                .expectEvents(new AccountUpdated(new Snapshot("a-1", "Jane", new BigDecimal("150"), false, null, null)))
                .expectState(account -> assertThat(account.getBalance()).isEqualByComparingTo("150"));
    }

    @Test
    void anOverdraftIsRejectedAndChangesNothing() {
        accounts.given(OPEN, new WithdrawMoney(A1, new BigDecimal("60")))
                .when(new WithdrawMoney(A1, new BigDecimal("50")))
                .expectException(BusinessRuleException.class, "Account a-1 holds 40, cannot withdraw 50")
                .expectNoEvents()
                .expectState(account -> assertThat(account.getBalance()).isEqualByComparingTo("40"));
    }

    @Test
    void aClosedAccountTakesNoDeposit() {
        accounts.given(OPEN, new CloseAccount(A1, "moving"))
                .when(new DepositMoney(A1, BigDecimal.ONE))
                .expectException(BusinessRuleException.class, "is closed")
                .expectState(account -> assertThat(account.getClosureReason()).isEqualTo("moving"));
    }

    @Test
    void activationIsKept() {
        accounts.given(OPEN)
                .when(new ActivateAccount(A1, LocalDate.of(2027, 1, 1)))
                .expectEvents(new AccountUpdated(new Snapshot("a-1", "Jane", new BigDecimal("100"), false, null,
                        LocalDate.of(2027, 1, 1))));
    }

    @Test
    void anAccountIsOpenedOnce() {
        accounts.given(OPEN)
                .when(new CreateAccount(A1.asNew(), "Joe", BigDecimal.ONE, null))
                .expectException(EntityExistsException.class, "'a-1' already exists")
                .expectState(account -> assertThat(account.getAccountName()).isEqualTo("Jane"));
    }
}
