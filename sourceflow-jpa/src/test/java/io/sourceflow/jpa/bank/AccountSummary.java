package io.sourceflow.jpa.bank;

import io.sourceflow.cdi.bank.BankAccount;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;

/** A read model that is a JPA entity: its own table, queryable with JPQL, optimistically locked. */
@Entity
@Table(name = "bank_account_summary")
public class AccountSummary {

    @Id
    private String id;
    @Column(name = "account_name")
    private String accountName;
    private BigDecimal balance;
    @Column(name = "transaction_count")
    private int transactionCount;
    private boolean closed;
    @Version
    private long version;

    protected AccountSummary() {
    }

    public AccountSummary(String id, String accountName, BigDecimal balance) {
        this.id = id;
        this.accountName = accountName;
        this.balance = balance;
    }

    public String getId() {
        return id;
    }

    public String getAccountName() {
        return accountName;
    }

    public BigDecimal getBalance() {
        return balance;
    }

    public int getTransactionCount() {
        return transactionCount;
    }

    public boolean isClosed() {
        return closed;
    }

    public long getVersion() {
        return version;
    }

    /** Applies a new balance, counting it as a transaction when it changed. */
    public void apply(BankAccount.Snapshot account) {
        if (balance.compareTo(account.balance()) != 0) {
            transactionCount++;
        }
        balance = account.balance();
        closed = account.closed();
    }
}
