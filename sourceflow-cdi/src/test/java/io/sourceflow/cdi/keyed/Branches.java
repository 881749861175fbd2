package io.sourceflow.cdi.keyed;

import io.sourceflow.Aggregate;
import io.sourceflow.Command;
import io.sourceflow.EntityRef;
import io.sourceflow.Event;
import io.sourceflow.Handles;
import io.sourceflow.Projects;
import io.sourceflow.Saga;
import io.sourceflow.View;
import jakarta.enterprise.context.ApplicationScoped;

/** Accounts in branches: a view per account (the entity's id) and one per branch (a key the event carries). */
public final class Branches {

    private Branches() {
    }

    /** An account of a branch. */
    public static class Account {
        public String branch;
        public long balance;
    }

    /** Opens an account in a branch; raises nothing. */
    public record Open(EntityRef entity, String branch) implements Command {
    }

    /** Puts money in. */
    public record Deposit(EntityRef entity, long amount) implements Command {
    }

    /** Money was put in. */
    public record Deposited(String branch, long amount, long balance) implements Event {
    }

    /** A branch's total and how many deposits made it. */
    public record Total(long amount, int deposits) {
    }

    /** An account's balance and how many events built it. */
    public record Balance(long amount, int events) {
    }

    /** Handles the accounts. */
    @ApplicationScoped
    public static class AccountSaga extends Saga<Account> {
        @Handles
        Account on(Account account, Open command) {
            account.branch = command.branch();
            return account;
        }

        @Handles
        Account on(Account account, Deposit command) {
            account.balance += command.amount();
            raise(new Deposited(account.branch, command.amount(), account.balance));
            return account;
        }
    }

    /** Totals per branch, under the branch the event names. */
    @ApplicationScoped
    public static class BranchTotals extends View<Total> {
        @Projects(key = "branch")
        Total on(Total current, Deposited event) {
            return current == null ? new Total(event.amount(), 1) : new Total(current.amount() + event.amount(), current.deposits() + 1);
        }
    }

    /** Balances, under the account's id. */
    @ApplicationScoped
    public static class AccountBalances extends View<Balance> {
        @Projects
        Balance on(Balance current, Deposited event) {
            return new Balance(event.balance(), current == null ? 1 : current.events() + 1);
        }
    }

    /** Sends account commands and replays accounts. */
    @ApplicationScoped
    public static class Accounts extends Aggregate<Account> {
        public void open(String id, String branch) {
            send(new Open(EntityRef.of(id).asNew(), branch));
        }

        public void deposit(String id, long amount) {
            send(new Deposit(EntityRef.of(id), amount));
        }

        public long rebuild(String id) {
            return replay(EntityRef.of(id));
        }
    }

    /** Keeps its models in the class {@link BranchTotals} keeps its own in. */
    @ApplicationScoped
    public static class ByRegionTotals extends View<Total> {
        @Projects(key = "branch")
        Total on(Total current, Deposited event) {
            return current == null ? new Total(0, 0) : current;
        }
    }

    /** Keys its models by a property the event does not have. */
    @ApplicationScoped
    public static class ByRegion extends View<Total> {
        @Projects(key = "region")
        Total on(Total current, Deposited event) {
            return current;
        }
    }
}
