package io.sourceflow.jpa.bank;

import io.sourceflow.Command;
import io.sourceflow.EntityRef;
import io.sourceflow.MessageType;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The bank-account commands of the seed. */
public final class Commands {

    private Commands() {
    }

    @MessageType("bank.CreateAccount")
    public record CreateAccount(EntityRef entity, String accountName, BigDecimal initialAmount) implements Command {
    }

    @MessageType("bank.DepositMoney")
    public record DepositMoney(EntityRef entity, BigDecimal amount) implements Command {
    }

    @MessageType("bank.WithdrawMoney")
    public record WithdrawMoney(EntityRef entity, BigDecimal amount) implements Command {
    }

    @MessageType("bank.CloseAccount")
    public record CloseAccount(EntityRef entity, String reason) implements Command {
    }

    @MessageType("bank.ActivateAccount")
    public record ActivateAccount(EntityRef entity, LocalDate activeOn) implements Command {
    }
}
