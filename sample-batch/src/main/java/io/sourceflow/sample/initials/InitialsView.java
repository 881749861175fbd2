package io.sourceflow.sample.initials;

import io.sourceflow.DocumentType;
import io.sourceflow.Projects;
import io.sourceflow.View;
import io.sourceflow.sample.account.Events.AccountCreated;
import io.sourceflow.sample.account.Events.AccountUpdated;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * How many accounts were opened, and how many changes they took, per first letter of the holder's
 * name: a view added to the sample after its accounts were written, whose models gather many
 * accounts' events, kept under a key the events carry ({@code holderInitial}) instead of an account
 * id. The replay job fills it from the log; replaying an account again counts nothing twice.
 *
 * <p>Not part of the sample itself: a model every account with one initial updates is a hot spot
 * that serialises the writers of those accounts (the distributed samples and the benchmarks run
 * without it).
 */
@ApplicationScoped
public class InitialsView extends View<InitialsView.Initial> {

    /**
     * The accounts of one initial.
     *
     * @param accounts how many were opened
     * @param changes how many changes they took after opening
     */
    @DocumentType("bank.Initial")
    public record Initial(long accounts, long changes) {
    }

    @Projects(key = "holderInitial")
    Initial on(Initial current, AccountCreated event) {
        return current == null ? new Initial(1, 0) : new Initial(current.accounts() + 1, current.changes());
    }

    @Projects(key = "holderInitial")
    Initial on(Initial current, AccountUpdated event) {
        return current == null ? new Initial(0, 1) : new Initial(current.accounts(), current.changes() + 1);
    }

    /**
     * The accounts of one initial.
     *
     * @param initial an upper-case letter
     * @return them, or empty when no account's holder starts with it
     */
    public Optional<Initial> get(String initial) {
        return find(initial);
    }
}
