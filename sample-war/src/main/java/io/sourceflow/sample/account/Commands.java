package io.sourceflow.sample.account;

import io.sourceflow.Command;
import io.sourceflow.DataSubject;
import io.sourceflow.EntityRef;
import io.sourceflow.MessageType;
import io.sourceflow.Personal;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The bank-account commands. Their aliases are what the command log stores. */
public final class Commands {

    private Commands() {
    }

    /**
     * Opens an account. The holder's e-mail address is personal data of the account (its data
     * subject): sealed in the log with the account's key, and {@code null} once the account's personal
     * data is forgotten ({@code DELETE /api/accounts/{id}/personal-data}).
     *
     * @param entity the new account ({@code isNew}), whose id names the data subject
     * @param accountName the account's name
     * @param initialAmount the opening balance
     * @param holderEmail the holder's e-mail address, or {@code null}
     */
    @MessageType("bank.CreateAccount")
    public record CreateAccount(@DataSubject EntityRef entity, String accountName, BigDecimal initialAmount,
            @Personal String holderEmail) implements Command {
    }

    /**
     * Adds money.
     *
     * @param entity the account
     * @param amount the amount
     */
    @MessageType("bank.DepositMoney")
    public record DepositMoney(EntityRef entity, BigDecimal amount) implements Command {
    }

    /**
     * Takes money out.
     *
     * @param entity the account
     * @param amount the amount
     */
    @MessageType("bank.WithdrawMoney")
    public record WithdrawMoney(EntityRef entity, BigDecimal amount) implements Command {
    }

    /**
     * Closes an account.
     *
     * @param entity the account
     * @param reason why
     */
    @MessageType("bank.CloseAccount")
    public record CloseAccount(EntityRef entity, String reason) implements Command {
    }

    /**
     * Activates an account from a date.
     *
     * @param entity the account
     * @param activeOn the first active day
     */
    @MessageType("bank.ActivateAccount")
    public record ActivateAccount(EntityRef entity, LocalDate activeOn) implements Command {
    }
}
