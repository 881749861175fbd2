package io.sourceflow.benchmarks;

import io.sourceflow.Command;
import io.sourceflow.EntityRef;
import io.sourceflow.Event;
import io.sourceflow.Handles;
import io.sourceflow.MessageType;
import io.sourceflow.Projects;
import io.sourceflow.Saga;
import io.sourceflow.View;
import jakarta.enterprise.context.ApplicationScoped;

/** The benchmarked domain: accounts that take deposits, and a view of their balances. */
public final class Bank {

    private Bank() {
    }

    /** Creates an account. */
    @MessageType("bench.Open")
    public record Open(EntityRef entity) implements Command {
    }

    /** Adds to an account's balance. */
    @MessageType("bench.Deposit")
    public record Deposit(EntityRef entity, long amount) implements Command {
    }

    /** The saga entity: an immutable record. */
    public record Account(String id, long balance) {
    }

    /** Raised by every deposit. */
    @MessageType("bench.Deposited")
    public record Deposited(String id, long balance, long amount) implements Event {
    }

    /** The read model. */
    public record Balance(long balance, long deposits) {
    }

    /** Handles the commands. */
    @ApplicationScoped
    public static class AccountSaga extends Saga<Account> {

        @Override
        protected Account create(EntityRef ref) {
            return new Account(ref.id(), 0);
        }

        @Handles
        Account on(Account account, Open open) {
            return account;
        }

        @Handles
        Account on(Account account, Deposit deposit) {
            Account updated = new Account(account.id(), account.balance() + deposit.amount());
            raise(new Deposited(updated.id(), updated.balance(), deposit.amount()));
            return updated;
        }
    }

    /** Projects deposits into balances. */
    @ApplicationScoped
    public static class BalanceView extends View<Balance> {

        @Projects
        Balance on(Balance current, Deposited event) {
            return new Balance(event.balance(), current == null ? 1 : current.deposits() + 1);
        }
    }
}
