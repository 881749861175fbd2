package io.sourceflow.sample.account;

import io.sourceflow.EntityRef;
import io.sourceflow.Handles;
import io.sourceflow.Metadata;
import io.sourceflow.Saga;
import io.sourceflow.sample.account.Commands.ActivateAccount;
import io.sourceflow.sample.account.Commands.CloseAccount;
import io.sourceflow.sample.account.Commands.CreateAccount;
import io.sourceflow.sample.account.Commands.DepositMoney;
import io.sourceflow.sample.account.Commands.WithdrawMoney;
import io.sourceflow.sample.account.Events.AccountCreated;
import io.sourceflow.sample.account.Events.AccountUpdated;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Handles the account commands: the framework loads (or creates) the {@link BankAccount}, the
 * handler applies the command, and the framework persists the account and delivers the event.
 */
@ApplicationScoped
public class AccountSaga extends Saga<BankAccount> {

    @Override
    protected BankAccount create(EntityRef ref) {
        return new BankAccount(ref.id());
    }

    @Handles
    BankAccount on(BankAccount account, CreateAccount command, Metadata metadata) {
        account.open(command.accountName(), command.initialAmount(),
                LocalDateTime.ofInstant(metadata.occurredOn(), ZoneOffset.UTC));
        raise(new AccountCreated(account.snapshot()));
        return account;
    }

    @Handles
    BankAccount on(BankAccount account, DepositMoney command) {
        account.deposit(command.amount());
        raise(new AccountUpdated(account.snapshot()));
        return account;
    }

    @Handles
    BankAccount on(BankAccount account, WithdrawMoney command) {
        account.withdraw(command.amount());
        raise(new AccountUpdated(account.snapshot()));
        return account;
    }

    @Handles
    BankAccount on(BankAccount account, CloseAccount command) {
        account.close(command.reason());
        raise(new AccountUpdated(account.snapshot()));
        return account;
    }

    @Handles
    BankAccount on(BankAccount account, ActivateAccount command) {
        account.activate(command.activeOn());
        raise(new AccountUpdated(account.snapshot()));
        return account;
    }
}
