package io.sourceflow.jpa.bank;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The seed's saga entity: a mutable class, as JPA entities are. */
public class BankAccount {

    private String id;
    private String accountName;
    private BigDecimal balance = BigDecimal.ZERO;
    private boolean closed;
    private String closureReason;
    private LocalDate activeOn;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getAccountName() {
        return accountName;
    }

    public void setAccountName(String accountName) {
        this.accountName = accountName;
    }

    public BigDecimal getBalance() {
        return balance;
    }

    public void setBalance(BigDecimal balance) {
        this.balance = balance;
    }

    public boolean isClosed() {
        return closed;
    }

    public void setClosed(boolean closed) {
        this.closed = closed;
    }

    public String getClosureReason() {
        return closureReason;
    }

    public void setClosureReason(String closureReason) {
        this.closureReason = closureReason;
    }

    public LocalDate getActiveOn() {
        return activeOn;
    }

    public void setActiveOn(LocalDate activeOn) {
        this.activeOn = activeOn;
    }

    /** A value snapshot, for comparing states. */
    public Snapshot snapshot() {
        return new Snapshot(id, accountName, balance, closed, closureReason, activeOn);
    }

    public record Snapshot(String id, String accountName, BigDecimal balance, boolean closed, String closureReason,
            LocalDate activeOn) {
    }
}
