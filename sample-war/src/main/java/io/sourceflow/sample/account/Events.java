package io.sourceflow.sample.account;

import io.sourceflow.Event;
import io.sourceflow.MessageType;

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
    }

    /**
     * An account changed.
     *
     * @param account its new state
     */
    @MessageType("bank.AccountUpdated")
    public record AccountUpdated(BankAccount.Snapshot account) implements Event {
    }
}
