package io.sourceflow.jpa.bank;

import io.sourceflow.EntityRef;
import io.sourceflow.Handles;
import io.sourceflow.Saga;
import io.sourceflow.jpa.bank.Commands.ActivateAccount;
import io.sourceflow.jpa.bank.Commands.CloseAccount;
import io.sourceflow.jpa.bank.Commands.CreateAccount;
import io.sourceflow.jpa.bank.Commands.DepositMoney;
import io.sourceflow.jpa.bank.Commands.WithdrawMoney;
import io.sourceflow.jpa.bank.Events.AccountCreated;
import io.sourceflow.jpa.bank.Events.AccountUpdated;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;

/** The seed's account saga, plus the rules it forgot: no overdraft, nothing on a closed account. */
@ApplicationScoped
public class AccountSaga extends Saga<BankAccount> {

    @Override
    protected BankAccount create(EntityRef ref) {
        BankAccount account = new BankAccount();
        account.setId(ref.id());
        return account;
    }

    @Handles
    BankAccount on(BankAccount account, CreateAccount cmd) {
        if (cmd.initialAmount().signum() < 0) {
            throw new BusinessRuleException("An account cannot open with a negative balance");
        }
        account.setAccountName(cmd.accountName());
        account.setBalance(cmd.initialAmount());
        raise(new AccountCreated(account.snapshot()));
        return account;
    }

    @Handles
    BankAccount on(BankAccount account, DepositMoney cmd) {
        requireOpen(account);
        requirePositive(cmd.amount());
        account.setBalance(account.getBalance().add(cmd.amount()));
        raise(new AccountUpdated(account.snapshot()));
        return account;
    }

    @Handles
    BankAccount on(WithdrawMoney cmd, BankAccount account) {
        requireOpen(account);
        requirePositive(cmd.amount());
        if (account.getBalance().compareTo(cmd.amount()) < 0) {
            throw new BusinessRuleException("Account " + account.getId() + " holds " + account.getBalance()
                    + ", cannot withdraw " + cmd.amount());
        }
        account.setBalance(account.getBalance().subtract(cmd.amount()));
        raise(new AccountUpdated(account.snapshot()));
        return account;
    }

    @Handles
    void on(BankAccount account, CloseAccount cmd) {
        requireOpen(account);
        account.setClosed(true);
        account.setClosureReason(cmd.reason());
        raise(new AccountUpdated(account.snapshot()));
    }

    @Handles
    BankAccount on(BankAccount account, ActivateAccount cmd) {
        requireOpen(account);
        account.setActiveOn(cmd.activeOn());
        raise(new AccountUpdated(account.snapshot()));
        return account;
    }

    private static void requireOpen(BankAccount account) {
        if (account.isClosed()) {
            throw new BusinessRuleException("Account " + account.getId() + " is closed");
        }
    }

    private static void requirePositive(BigDecimal amount) {
        if (amount.signum() <= 0) {
            throw new BusinessRuleException("Amount must be positive: " + amount);
        }
    }
}
