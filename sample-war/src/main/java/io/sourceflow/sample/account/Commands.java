package io.sourceflow.sample.account;

import io.sourceflow.Command;
import io.sourceflow.EntityRef;
import io.sourceflow.MessageType;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The bank-account commands. Their aliases are what the command log stores. */
public final class Commands {

    private Commands() {
    }

    /**
     * Opens an account.
     *
     * @param entity the new account ({@code isNew})
     * @param accountName the holder's name
     * @param initialAmount the opening balance
     */
    @MessageType("bank.CreateAccount")
    public record CreateAccount(EntityRef entity, String accountName, BigDecimal initialAmount) implements Command {
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
