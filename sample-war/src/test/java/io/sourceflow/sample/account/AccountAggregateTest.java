package io.sourceflow.sample.account;

import io.sourceflow.EntityRef;
import io.sourceflow.sample.account.Commands.CreateAccount;
import io.sourceflow.sample.account.Commands.DepositMoney;
import io.sourceflow.test.AggregateFixture;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The account aggregate with sourceflow-test's fixture: which commands its methods send. */
class AccountAggregateTest {

    private final AggregateFixture<AccountAggregate> accounts = AggregateFixture.of(new AccountAggregate());

    @Test
    void openSendsACommandThatCreatesTheAccount() {
        accounts.when(a -> a.open("a-1", "Jane", BigDecimal.TEN))
                .expectCommands(new CreateAccount(EntityRef.of("a-1").asNew(), "Jane", BigDecimal.TEN, null));
    }

    @Test
    void depositSendsADepositToTheAccount() {
        accounts.when(a -> a.deposit("a-1", BigDecimal.ONE))
                .expectCommands(new DepositMoney(EntityRef.of("a-1"), BigDecimal.ONE));
    }
}
