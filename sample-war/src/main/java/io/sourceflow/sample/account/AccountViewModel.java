package io.sourceflow.sample.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The read model of one account, kept by {@link AccountView}. It is a JPA entity so that the JPA
 * view-model store keeps it in its own table and {@link AccountQueries} can search it with JPQL.
 */
@Entity
@Table(name = "sample_account_view")
public class AccountViewModel {

    @Id
    @Column(length = 64)
    private String id;

    @Column(nullable = false, length = 200)
    private String accountName;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal currentBalance;

    private int transactionCount;

    private boolean closed;

    @Column(length = 500)
    private String closureReason;

    private LocalDate activeOn;

    /** The sequence number of the last command that changed the account. */
    private long lastSequenceNo;

    @Version
    private long version;

    /** For JPA. */
    protected AccountViewModel() {
    }

    /**
     * The model of a newly opened account.
     *
     * @param account the account's state
     * @param sequenceNo the sequence number of the command that opened it
     */
    public AccountViewModel(BankAccount.Snapshot account, long sequenceNo) {
        this.id = account.id();
        this.currentBalance = account.balance();
        apply(account, sequenceNo);
    }

    /**
     * Takes in a change; a change of balance counts as one transaction. A change of a command the
     * model has already seen, or an older one, is ignored: every event carries the whole state of the
     * account after its command, so a late one (delivered out of order, or again) would only put
     * older state back.
     *
     * @param account the account's new state
     * @param sequenceNo the sequence number of the command that changed it
     */
    public void apply(BankAccount.Snapshot account, long sequenceNo) {
        if (sequenceNo > 0 && sequenceNo <= lastSequenceNo) {
            return;
        }
        if (currentBalance.compareTo(account.balance()) != 0) {
            transactionCount++;
        }
        accountName = account.accountName();
        currentBalance = account.balance();
        closed = account.closed();
        closureReason = account.closureReason();
        activeOn = account.activeOn();
        lastSequenceNo = sequenceNo;
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
    public BigDecimal getCurrentBalance() {
        return currentBalance;
    }

    /** @return how many deposits and withdrawals changed the balance */
    public int getTransactionCount() {
        return transactionCount;
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

    /** @return the sequence number of the last command applied */
    public long getLastSequenceNo() {
        return lastSequenceNo;
    }
}
