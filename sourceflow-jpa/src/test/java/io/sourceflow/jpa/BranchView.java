package io.sourceflow.jpa;

import io.sourceflow.Projects;
import io.sourceflow.View;
import io.sourceflow.cdi.bank.Events.AccountCreated;
import io.sourceflow.cdi.bank.Events.AccountUpdated;
import jakarta.enterprise.context.ApplicationScoped;

/** Accounts and their changes per branch: one model that every account's events reach (a key the events carry). */
@ApplicationScoped
public class BranchView extends View<BranchView.Branch> {

    /**
     * A branch's counts.
     *
     * @param accounts accounts opened
     * @param changes changes after opening
     */
    public record Branch(int accounts, int changes) {
    }

    @Projects(key = "branch")
    Branch on(Branch current, AccountCreated event) {
        return current == null ? new Branch(1, 0) : new Branch(current.accounts() + 1, current.changes());
    }

    @Projects(key = "branch")
    Branch on(Branch current, AccountUpdated event) {
        return current == null ? new Branch(0, 1) : new Branch(current.accounts(), current.changes() + 1);
    }
}
