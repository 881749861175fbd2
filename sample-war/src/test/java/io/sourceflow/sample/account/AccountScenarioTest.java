package io.sourceflow.sample.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.test.SourceFlowTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.Test;

/** The account beans in a Weld SE container with the in-memory stores (sourceflow-test's {@link SourceFlowTest}). */
@SourceFlowTest
@AddBeanClasses({AccountSaga.class, AccountView.class})
class AccountScenarioTest {

    @Inject
    AccountAggregate accounts;
    @Inject
    AccountView view;

    @Test
    void depositsAndWithdrawalsShowInTheViewAndReplayRebuildsIt() {
        accounts.open("a-1", "Jane", new BigDecimal("100"));
        accounts.deposit("a-1", new BigDecimal("50"));
        accounts.withdraw("a-1", new BigDecimal("30"));

        assertThat(view.get("a-1").orElseThrow().getCurrentBalance()).isEqualByComparingTo("120");
        assertThat(accounts.rebuild("a-1")).isEqualTo(3);
        assertThat(view.get("a-1").orElseThrow().getTransactionCount()).isEqualTo(2);
    }

    @Test
    void aRejectedWithdrawalLeavesTheViewAsItWas() {
        accounts.open("a-1", "Jane", new BigDecimal("10"));

        assertThatThrownBy(() -> accounts.withdraw("a-1", new BigDecimal("11"))).isInstanceOf(BusinessRuleException.class);
        assertThat(view.get("a-1").orElseThrow().getCurrentBalance()).isEqualByComparingTo("10");
    }
}
