package io.sourceflow.jpa.bank;

import io.sourceflow.Command;
import io.sourceflow.EntityRef;
import io.sourceflow.Handles;
import io.sourceflow.MessageType;
import io.sourceflow.Saga;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.jpa.JpaContext;
import io.sourceflow.jpa.NamedAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;

/** A saga that also writes a row of the application's own, whose name must be unique. */
public final class Names {

    private Names() {
    }

    /** Gives an account a name, unique among all accounts. */
    @MessageType("names.Name")
    public record NameAccount(EntityRef entity, String name) implements Command {
    }

    /** The saga; counts how often it ran. */
    @ApplicationScoped
    public static class NamingSaga extends Saga<BankAccount> {

        private final AtomicInteger runs = new AtomicInteger();

        @Inject
        JpaContext jpa;

        @Handles
        BankAccount on(BankAccount account, NameAccount cmd) {
            runs.incrementAndGet();
            jpa.entityManager().persist(new NamedAccount(account.getId(), cmd.name()));
            return account;
        }

        /** @return how often the handler ran */
        public int runs() {
            return runs.get();
        }
    }
}
