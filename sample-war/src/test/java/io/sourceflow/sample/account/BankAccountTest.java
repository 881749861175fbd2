package io.sourceflow.sample.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class BankAccountTest {

    private final BankAccount account = opened("100");

    @Test
    void depositsAndWithdrawalsMoveTheBalance() {
        account.deposit(new BigDecimal("50.25"));
        account.withdraw(new BigDecimal("150.25"));

        assertThat(account.getBalance()).isEqualByComparingTo("0");
    }

    @Test
    void noOverdraftAndTheBalanceStays() {
        assertThatThrownBy(() -> account.withdraw(new BigDecimal("100.01")))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("Account a-1 holds 100, cannot withdraw 100.01");
        assertThat(account.getBalance()).isEqualByComparingTo("100");
    }

    @Test
    void amountsMustBePositive() {
        assertThatThrownBy(() -> account.deposit(BigDecimal.ZERO)).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> account.withdraw(new BigDecimal("-1"))).isInstanceOf(BusinessRuleException.class);
        assertThat(account.getBalance()).isEqualByComparingTo("100");
    }

    @Test
    void aClosedAccountRefusesEverything() {
        account.close("moving");

        assertThat(account.isClosed()).isTrue();
        assertThat(account.getClosureReason()).isEqualTo("moving");
        assertThatThrownBy(() -> account.deposit(BigDecimal.ONE)).hasMessageContaining("is closed");
        assertThatThrownBy(() -> account.withdraw(BigDecimal.ONE)).hasMessageContaining("is closed");
        assertThatThrownBy(() -> account.activate(LocalDate.of(2026, 1, 1))).hasMessageContaining("is closed");
        assertThatThrownBy(() -> account.close("again")).hasMessageContaining("is closed");
        assertThat(account.getClosureReason()).isEqualTo("moving");
    }

    @Test
    void cannotOpenWithANegativeBalance() {
        BankAccount fresh = new BankAccount("a-2");

        assertThatThrownBy(() -> fresh.open("Neg", new BigDecimal("-0.01"), LocalDateTime.now()))
                .isInstanceOf(BusinessRuleException.class);
        assertThat(fresh.getAccountName()).isNull();
    }

    @Test
    void snapshotCopiesTheState() {
        account.activate(LocalDate.of(2026, 12, 1));

        assertThat(account.snapshot()).isEqualTo(new BankAccount.Snapshot("a-1", "Jane", new BigDecimal("100"), false,
                null, LocalDate.of(2026, 12, 1)));
    }

    private static BankAccount opened(String amount) {
        BankAccount account = new BankAccount("a-1");
        account.open("Jane", new BigDecimal(amount), LocalDateTime.of(2026, 11, 1, 12, 0));
        return account;
    }
}
