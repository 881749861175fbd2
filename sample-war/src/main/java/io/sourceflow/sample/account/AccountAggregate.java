package io.sourceflow.sample.account;

import io.sourceflow.Aggregate;
import io.sourceflow.EntityRef;
import io.sourceflow.Metadata;
import io.sourceflow.sample.account.Commands.ActivateAccount;
import io.sourceflow.sample.account.Commands.CloseAccount;
import io.sourceflow.sample.account.Commands.CreateAccount;
import io.sourceflow.sample.account.Commands.DepositMoney;
import io.sourceflow.sample.account.Commands.WithdrawMoney;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the application does with accounts: each method sends one command through the
 * {@link io.sourceflow.CommandBus} and returns its metadata (with the sequence number it got).
 *
 * <pre>{@code
 * @Inject AccountAggregate accounts;
 * accounts.open("a-1", "Jane", new BigDecimal("1000"));
 * accounts.deposit("a-1", new BigDecimal("500"));
 * }</pre>
 */
@ApplicationScoped
public class AccountAggregate extends Aggregate<BankAccount> {

    /**
     * @param id the new account's id
     * @param name the holder's name
     * @param initialAmount the opening balance
     * @return the command's metadata
     */
    public Metadata open(String id, String name, BigDecimal initialAmount) {
        return open(id, name, initialAmount, null);
    }

    /**
     * @param id the new account's id
     * @param name the account's name
     * @param initialAmount the opening balance
     * @param holderEmail the holder's e-mail address (personal data), or {@code null}
     * @return the command's metadata
     */
    public Metadata open(String id, String name, BigDecimal initialAmount, String holderEmail) {
        return send(new CreateAccount(EntityRef.of(id).asNew(), name, initialAmount, holderEmail));
    }

    /**
     * @param id the account
     * @param amount the amount
     * @return the command's metadata
     */
    public Metadata deposit(String id, BigDecimal amount) {
        return send(new DepositMoney(EntityRef.of(id), amount));
    }

    /**
     * @param id the account
     * @param amount the amount
     * @return the command's metadata
     */
    public Metadata withdraw(String id, BigDecimal amount) {
        return send(new WithdrawMoney(EntityRef.of(id), amount));
    }

    /**
     * @param id the account
     * @param reason why
     * @return the command's metadata
     */
    public Metadata close(String id, String reason) {
        return send(new CloseAccount(EntityRef.of(id), reason));
    }

    /**
     * @param id the account
     * @param activeOn the first active day
     * @return the command's metadata
     */
    public Metadata activate(String id, LocalDate activeOn) {
        return send(new ActivateAccount(EntityRef.of(id), activeOn));
    }

    /**
     * Rebuilds the account and its view from its command log.
     *
     * @param id the account
     * @return how many commands were replayed
     */
    public long rebuild(String id) {
        return replay(EntityRef.of(id));
    }
}
