package io.sourceflow.sample.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AccountViewModelTest {

    @Test
    void countsOnlyChangesOfBalanceAsTransactions() {
        // given
        AccountViewModel model = new AccountViewModel(snapshot("1000", false, null), 1);

        // when
        model.apply(snapshot("1500", false, null), 2);
        model.apply(snapshot("1500", false, null), 3);
        model.apply(snapshot("1300", true, "done"), 4);

        // then
        assertThat(model.getTransactionCount()).isEqualTo(2);
        assertThat(model.getCurrentBalance()).isEqualByComparingTo("1300");
        assertThat(model.isClosed()).isTrue();
        assertThat(model.getClosureReason()).isEqualTo("done");
        assertThat(model.getLastSequenceNo()).isEqualTo(4);
        assertThat(model.getId()).isEqualTo("a-1");
    }

    @Test
    void anOlderEventArrivingLateDoesNotOverwriteNewerState() {
        // given: the view took the change of command 3 (events arrived out of order: redelivered after
        // the broker rolled back an in-doubt delivery while later events of the account were consumed)
        AccountViewModel model = new AccountViewModel(snapshot("1000", false, null), 1);
        model.apply(snapshot("1300", false, null), 3);

        // when: the change of command 2 arrives late, and command 3's again
        model.apply(snapshot("1100", false, null), 2);
        model.apply(snapshot("1300", false, null), 3);

        // then
        assertThat(model.getCurrentBalance()).isEqualByComparingTo("1300");
        assertThat(model.getLastSequenceNo()).isEqualTo(3);
        assertThat(model.getTransactionCount()).isEqualTo(1);
    }

    private static BankAccount.Snapshot snapshot(String balance, boolean closed, String reason) {
        return new BankAccount.Snapshot("a-1", "Jane", new BigDecimal(balance), closed, reason, null);
    }
}
