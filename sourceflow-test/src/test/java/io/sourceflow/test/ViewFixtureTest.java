package io.sourceflow.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.AccountViewModel;
import io.sourceflow.cdi.bank.BankAccount.Snapshot;
import io.sourceflow.cdi.bank.Events.AccountCreated;
import io.sourceflow.cdi.bank.Events.AccountUpdated;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ViewFixtureTest {

    private final ViewFixture<AccountViewModel> fixture = ViewFixture.of(new AccountView());

    @Test
    void givenEventsThenTheEventUnderTestUpdatesTheModel() {
        fixture.given("a-1", new AccountCreated(account("100")), new AccountUpdated(account("150")))
                .when("a-1", new AccountUpdated(account("120")))
                .expectState(new AccountViewModel("a-1", "Jane", new BigDecimal("120"), 2, false, null))
                .expectEvents(new AccountUpdated(account("120")));
    }

    @Test
    void anEventOfAnotherEntityLeavesNoModelUnderThisOne() {
        fixture.given("a-2", new AccountCreated(account("1")));

        fixture.when("a-1", new AccountCreated(account("5")))
                .expectState(model -> assertThat(model.currentBalance()).isEqualByComparingTo("5"));
        assertThat(fixture.runtime().views().find(AccountViewModel.class, "a-2").orElseThrow().currentBalance())
                .isEqualByComparingTo("1");
    }

    @Test
    void aViewThatFailsOnTheEventShowsTheException() {
        fixture.when("a-1", new AccountUpdated(account("1")))
                .expectException(NullPointerException.class)
                .expectNoState();
    }

    private static Snapshot account(String balance) {
        return new Snapshot("a-1", "Jane", new BigDecimal(balance), false, null, null);
    }
}
