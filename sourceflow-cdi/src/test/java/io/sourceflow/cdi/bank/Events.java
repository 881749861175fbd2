package io.sourceflow.cdi.bank;

import io.sourceflow.Event;
import io.sourceflow.MessageType;

/** The bank-account events: each carries a snapshot of the account. */
public final class Events {

    private Events() {
    }

    @MessageType("bank.AccountCreated")
    public record AccountCreated(BankAccount.Snapshot account) implements Event {

        /** @return the branch every account of this bank is in: a key views can gather accounts by */
        public String branch() {
            return "main";
        }
    }

    @MessageType("bank.AccountUpdated")
    public record AccountUpdated(BankAccount.Snapshot account) implements Event {

        /** @return the branch every account of this bank is in: a key views can gather accounts by */
        public String branch() {
            return "main";
        }
    }
}
