package io.sourceflow.cdi.followup;

import io.sourceflow.Aggregate;
import io.sourceflow.Command;
import io.sourceflow.EntityRef;
import io.sourceflow.Handles;
import io.sourceflow.Metadata;
import io.sourceflow.Saga;
import io.sourceflow.Subscribes;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.cdi.bank.Commands.ActivateAccount;
import io.sourceflow.cdi.bank.Commands.DepositMoney;
import io.sourceflow.cdi.bank.Events.AccountCreated;
import io.sourceflow.cdi.bank.Events.AccountUpdated;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Commands published by handlers: a saga's follow-up command and an aggregate's reaction to an event. */
public final class Transfers {

    private Transfers() {
    }

    /** Moves money from the target account to another. */
    public record TransferMoney(EntityRef entity, String to, BigDecimal amount) implements Command {
    }

    @ApplicationScoped
    public static class TransferSaga extends Saga<BankAccount> {
        @Handles
        BankAccount on(BankAccount from, TransferMoney cmd) {
            from.setBalance(from.getBalance().subtract(cmd.amount()));
            raise(new AccountUpdated(from.snapshot()));
            publish(new DepositMoney(EntityRef.of(cmd.to()), cmd.amount()));
            return from;
        }
    }

    /** Activates every new account, and remembers the metadata of what it saw. */
    @ApplicationScoped
    public static class Activator extends Aggregate<BankAccount> {
        private final List<Metadata> seen = new CopyOnWriteArrayList<>();

        @Subscribes
        void on(AccountCreated event, Metadata metadata) {
            seen.add(metadata);
            send(new ActivateAccount(EntityRef.of(event.account().id()), LocalDate.of(2026, 1, 1)));
        }

        public List<Metadata> seen() {
            return List.copyOf(seen);
        }
    }
}
