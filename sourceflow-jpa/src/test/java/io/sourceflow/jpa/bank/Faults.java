package io.sourceflow.jpa.bank;

import io.sourceflow.Command;
import io.sourceflow.EntityRef;
import io.sourceflow.Event;
import io.sourceflow.Handles;
import io.sourceflow.MessageType;
import io.sourceflow.Projects;
import io.sourceflow.Saga;
import io.sourceflow.View;
import io.sourceflow.cdi.bank.AccountViewModel;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.cdi.bank.Events;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;

/** Handlers that fail part-way, to show that nothing a failed command did is kept. */
public final class Faults {

    private Faults() {
    }

    /** Deposits, raises the update, then throws in the saga. */
    @MessageType("faults.DepositThenFail")
    public record DepositThenFail(EntityRef entity, BigDecimal amount) implements Command {
    }

    /** Deposits and raises the update and then an event whose view throws. */
    @MessageType("faults.DepositThenPoison")
    public record DepositThenPoison(EntityRef entity, BigDecimal amount) implements Command {
    }

    /** An event the {@link PoisonedView} cannot project. */
    @MessageType("faults.Poisoned")
    public record Poisoned(String accountId) implements Event {
    }

    /** The failing saga. */
    @ApplicationScoped
    public static class FaultySaga extends Saga<BankAccount> {

        @Handles
        BankAccount on(BankAccount account, DepositThenFail cmd) {
            account.setBalance(account.getBalance().add(cmd.amount()));
            raise(new Events.AccountUpdated(account.snapshot()));
            throw new IllegalStateException("the saga fails after raising an event");
        }

        @Handles
        BankAccount on(BankAccount account, DepositThenPoison cmd) {
            account.setBalance(account.getBalance().add(cmd.amount()));
            raise(new Events.AccountUpdated(account.snapshot()));
            raise(new Poisoned(account.getId()));
            return account;
        }
    }

    /** The failing view. */
    @ApplicationScoped
    public static class PoisonedView extends View<AccountViewModel> {

        @Projects
        AccountViewModel on(AccountViewModel current, Poisoned event) {
            throw new IllegalStateException("the view fails on " + event.accountId());
        }
    }
}
