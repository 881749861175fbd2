package io.sourceflow.benchmarks.jpa;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The bank account of the JPA store benchmark as an Axon 4 event-sourced aggregate: the peer of
 * SourceFlow's {@code BankAccount}, with the same deposit (one command, one event) and no state row
 * (an event-sourced aggregate is its events; Axon's cache keeps it between commands).
 */
public class AxonAccount {

    /**
     * Opens an account.
     *
     * @param id the account
     */
    public record Open(@TargetAggregateIdentifier String id) {
    }

    /**
     * Deposits into an account.
     *
     * @param id the account
     * @param amount what is deposited
     */
    public record Deposit(@TargetAggregateIdentifier String id, long amount) {
    }

    /**
     * An account was opened.
     *
     * @param id the account
     */
    public record Opened(String id) {
    }

    /**
     * Money was deposited.
     *
     * @param id the account
     * @param amount what was deposited
     * @param balance the balance after it
     */
    public record Deposited(String id, long amount, long balance) {
    }

    @AggregateIdentifier
    private String id;
    private long balance;

    /** For Axon, which creates the aggregate before sourcing it from its events. */
    protected AxonAccount() {
    }

    /**
     * Opens the account.
     *
     * @param command the command
     */
    @CommandHandler
    public AxonAccount(Open command) {
        apply(new Opened(command.id()));
    }

    /**
     * Deposits.
     *
     * @param command the command
     */
    @CommandHandler
    public void handle(Deposit command) {
        if (command.amount() <= 0) {
            throw new IllegalArgumentException("A deposit into " + id + " is positive, not " + command.amount());
        }
        apply(new Deposited(id, command.amount(), balance + command.amount()));
    }

    /**
     * Sources the opening: the account's identifier.
     *
     * @param event the opening
     */
    @EventSourcingHandler
    void on(Opened event) {
        id = event.id();
    }

    /**
     * Sources a deposit: the balance after it.
     *
     * @param event the deposit
     */
    @EventSourcingHandler
    void on(Deposited event) {
        balance = event.balance();
    }
}
