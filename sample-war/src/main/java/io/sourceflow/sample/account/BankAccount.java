package io.sourceflow.sample.account;

import io.sourceflow.EntityType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The saga's entity: one bank account, with the business rules that guard it. It is a JPA entity
 * so that the JPA entity store keeps it in a table of its own; the in-memory store keeps the object.
 *
 * <p>Every rule is checked before anything changes, so a rejected command leaves the account as it was.
 * Its entity type name, {@code bank.Account}, keys its command log with its id, and stays when the
 * class is renamed.
 */
@EntityType("bank.Account")
@Entity
@Table(name = "sample_bank_account")
public class BankAccount {

    @Id
    @Column(length = 64)
    private String id;

    @Column(nullable = false, length = 200)
    private String accountName;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal balance = BigDecimal.ZERO;

    private boolean closed;

    @Column(length = 500)
    private String closureReason;

    private LocalDate activeOn;

    private LocalDateTime createdOn;

    @Version
    private long version;

    /** For JPA and the saga. */
    public BankAccount() {
    }

    /**
     * A new account, not yet opened.
     *
     * @param id the account id
     */
    public BankAccount(String id) {
        this.id = id;
    }

    /**
     * Opens the account.
     *
     * @param name the holder's name
     * @param initialAmount the opening balance, zero or more
     * @param createdOn when the opening command was issued (UTC)
     * @throws BusinessRuleException when the amount is negative
     */
    public void open(String name, BigDecimal initialAmount, LocalDateTime createdOn) {
        if (initialAmount.signum() < 0) {
            throw new BusinessRuleException("Account " + id + " cannot open with a negative balance: " + initialAmount);
        }
        this.accountName = name;
        this.balance = initialAmount;
        this.createdOn = createdOn;
    }

    /**
     * Adds money.
     *
     * @param amount a positive amount
     * @throws BusinessRuleException when the account is closed or the amount not positive
     */
    public void deposit(BigDecimal amount) {
        requireOpen("deposit to");
        requirePositive(amount);
        balance = balance.add(amount);
    }

    /**
     * Takes money out; the balance never goes below zero.
     *
     * @param amount a positive amount, at most the balance
     * @throws BusinessRuleException when the account is closed, the amount not positive, or larger than the balance
     */
    public void withdraw(BigDecimal amount) {
        requireOpen("withdraw from");
        requirePositive(amount);
        if (balance.compareTo(amount) < 0) {
            throw new BusinessRuleException("Account " + id + " holds " + balance + ", cannot withdraw " + amount);
        }
        balance = balance.subtract(amount);
    }

    /**
     * Closes the account; nothing can happen to it afterwards.
     *
     * @param reason why
     * @throws BusinessRuleException when it is already closed
     */
    public void close(String reason) {
        requireOpen("close");
        closed = true;
        closureReason = reason;
    }

    /**
     * Activates the account from a date.
     *
     * @param date the first active day
     * @throws BusinessRuleException when the account is closed
     */
    public void activate(LocalDate date) {
        requireOpen("activate");
        activeOn = date;
    }

    /**
     * A value copy, carried by events.
     *
     * @return the current state
     */
    public Snapshot snapshot() {
        return new Snapshot(id, accountName, balance, closed, closureReason, activeOn);
    }

    private void requireOpen(String action) {
        if (closed) {
            throw new BusinessRuleException("Account " + id + " is closed; cannot " + action + " it");
        }
    }

    private void requirePositive(BigDecimal amount) {
        if (amount.signum() <= 0) {
            throw new BusinessRuleException("Amount must be positive: " + amount);
        }
    }

    /** @return the account id */
    public String getId() {
        return id;
    }

    /** @return the holder's name */
    public String getAccountName() {
        return accountName;
    }

    /** @return the balance */
    public BigDecimal getBalance() {
        return balance;
    }

    /** @return whether the account is closed */
    public boolean isClosed() {
        return closed;
    }

    /** @return why it was closed, or null */
    public String getClosureReason() {
        return closureReason;
    }

    /** @return the first active day, or null */
    public LocalDate getActiveOn() {
        return activeOn;
    }

    /** @return when it was opened (UTC) */
    public LocalDateTime getCreatedOn() {
        return createdOn;
    }

    /**
     * An account's state as a value.
     *
     * @param id the account id
     * @param accountName the holder's name
     * @param balance the balance
     * @param closed whether it is closed
     * @param closureReason why it was closed, or null
     * @param activeOn the first active day, or null
     */
    public record Snapshot(String id, String accountName, BigDecimal balance, boolean closed, String closureReason,
            LocalDate activeOn) {
    }
}
