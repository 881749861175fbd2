package io.sourceflow.sample.account;

import io.sourceflow.Event;
import io.sourceflow.MessageType;
import java.util.Locale;

/** The bank-account events; each carries a snapshot of the account after the change. */
public final class Events {

    private Events() {
    }

    /**
     * An account was opened.
     *
     * @param account its state
     */
    @MessageType("bank.AccountCreated")
    public record AccountCreated(BankAccount.Snapshot account) implements Event {

        /** @return the first letter of the holder's name, upper case: a key for views that gather accounts by initial */
        public String holderInitial() {
            return Events.initial(account);
        }
    }

    /**
     * An account changed.
     *
     * @param account its new state
     */
    @MessageType("bank.AccountUpdated")
    public record AccountUpdated(BankAccount.Snapshot account) implements Event {

        /** @return the first letter of the holder's name, upper case: a key for views that gather accounts by initial */
        public String holderInitial() {
            return Events.initial(account);
        }
    }

    private static String initial(BankAccount.Snapshot account) {
        String name = account.accountName() == null ? "" : account.accountName().strip();
        return name.isEmpty() ? "?" : name.substring(0, name.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT);
    }
}
