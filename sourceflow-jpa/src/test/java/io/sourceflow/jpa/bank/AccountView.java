package io.sourceflow.jpa.bank;

import io.sourceflow.Projects;
import io.sourceflow.View;
import io.sourceflow.jpa.bank.Events.AccountCreated;
import io.sourceflow.jpa.bank.Events.AccountUpdated;
import jakarta.enterprise.context.ApplicationScoped;

/** Projects account events; counts transactions, which a double-counting replay would reveal. */
@ApplicationScoped
public class AccountView extends View<AccountViewModel> {

    @Projects
    AccountViewModel on(AccountCreated event) {
        BankAccount.Snapshot a = event.account();
        return new AccountViewModel(a.id(), a.accountName(), a.balance(), 0, false, null);
    }

    @Projects
    AccountViewModel on(AccountViewModel current, AccountUpdated event) {
        BankAccount.Snapshot a = event.account();
        boolean transaction = current.currentBalance().compareTo(a.balance()) != 0;
        return new AccountViewModel(a.id(), a.accountName(), a.balance(),
                current.transactionCount() + (transaction ? 1 : 0), a.closed(), a.closureReason());
    }
}
