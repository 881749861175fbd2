package io.sourceflow.jpa.bank;

import io.sourceflow.Projects;
import io.sourceflow.View;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.cdi.bank.Events.AccountCreated;
import io.sourceflow.cdi.bank.Events.AccountUpdated;
import jakarta.enterprise.context.ApplicationScoped;

/** Projects account events into the {@link AccountSummary} entity, changing the managed instance in place. */
@ApplicationScoped
public class AccountSummaryView extends View<AccountSummary> {

    @Projects
    AccountSummary on(AccountCreated event) {
        BankAccount.Snapshot a = event.account();
        return new AccountSummary(a.id(), a.accountName(), a.balance());
    }

    @Projects
    AccountSummary on(AccountSummary current, AccountUpdated event) {
        current.apply(event.account());
        return current;
    }
}
