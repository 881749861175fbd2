package io.sourceflow.sample.rest;

import io.sourceflow.sample.account.AccountViewModel;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An account as the API shows it: its read model.
 *
 * @param id the account id
 * @param accountName the holder's name
 * @param currentBalance the balance
 * @param transactionCount deposits and withdrawals so far
 * @param closed whether it is closed
 * @param closureReason why it was closed, or null
 * @param activeOn the first active day, or null
 * @param sequenceNo the sequence number of the last command applied
 */
public record AccountResponse(String id, String accountName, BigDecimal currentBalance, int transactionCount,
        boolean closed, String closureReason, LocalDate activeOn, long sequenceNo) {

    /**
     * @param model the read model
     * @return its API form
     */
    public static AccountResponse of(AccountViewModel model) {
        return new AccountResponse(model.getId(), model.getAccountName(), model.getCurrentBalance(),
                model.getTransactionCount(), model.isClosed(), model.getClosureReason(), model.getActiveOn(),
                model.getLastSequenceNo());
    }
}
