package io.sourceflow.sample.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.sample.account.BankAccount.Snapshot;
import io.sourceflow.sample.account.Events.AccountCreated;
import io.sourceflow.sample.account.Events.AccountUpdated;
import io.sourceflow.test.ViewFixture;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The account view with sourceflow-test's fixture: events in, view model out. */
class AccountViewTest {

    private final ViewFixture<AccountViewModel> view = ViewFixture.of(new AccountView());

    @Test
    void anOpenedAccountHasAModelWithNoTransactions() {
        view.when("a-1", new AccountCreated(account("100", false)))
                .expectState(model -> {
                    assertThat(model.getCurrentBalance()).isEqualByComparingTo("100");
                    assertThat(model.getTransactionCount()).isZero();
                    assertThat(model.getLastSequenceNo()).isEqualTo(1);
                });
    }

    @Test
    void changesOfBalanceCountAsTransactionsAndClosingDoesNot() {
        view.given("a-1", new AccountCreated(account("100", false)), new AccountUpdated(account("150", false)),
                        new AccountUpdated(account("120", false)))
                .when("a-1", new AccountUpdated(account("120", true)))
                .expectState(model -> {
                    assertThat(model.getCurrentBalance()).isEqualByComparingTo("120");
                    assertThat(model.getTransactionCount()).isEqualTo(2);
                    assertThat(model.isClosed()).isTrue();
                    assertThat(model.getLastSequenceNo()).isEqualTo(4);
                });
    }

    @Test
    void anUpdateWithoutACreationStillMakesAModel() {
        view.when("a-1", new AccountUpdated(account("7", false)))
                .expectState(model -> assertThat(model.getCurrentBalance()).isEqualByComparingTo("7"));
    }

    private static Snapshot account(String balance, boolean closed) {
        return new Snapshot("a-1", "Jane", new BigDecimal(balance), closed, closed ? "moving" : null, null);
    }
}
