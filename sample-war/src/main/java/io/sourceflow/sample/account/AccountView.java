package io.sourceflow.sample.account;

import io.sourceflow.Metadata;
import io.sourceflow.Projects;
import io.sourceflow.View;
import io.sourceflow.sample.account.Events.AccountCreated;
import io.sourceflow.sample.account.Events.AccountUpdated;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Projects the account events into {@link AccountViewModel}s, kept under the account id. */
@ApplicationScoped
public class AccountView extends View<AccountViewModel> {

    @Projects
    AccountViewModel on(AccountCreated event, Metadata metadata) {
        return new AccountViewModel(event.account(), metadata.sequenceNo());
    }

    @Projects
    AccountViewModel on(AccountViewModel current, AccountUpdated event, Metadata metadata) {
        if (current == null) {
            return new AccountViewModel(event.account(), metadata.sequenceNo());
        }
        current.apply(event.account(), metadata.sequenceNo());
        return current;
    }

    /**
     * The read model of one account.
     *
     * @param id the account id
     * @return the model, or empty when there is no such account
     */
    public Optional<AccountViewModel> get(String id) {
        return find(id);
    }
}
