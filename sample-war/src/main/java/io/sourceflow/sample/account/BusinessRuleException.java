package io.sourceflow.sample.account;

import io.sourceflow.CommandRejectedException;

/**
 * A command broke a business rule of the account: the saga rejects it. The REST API answers 422;
 * a command handled on another server is recorded as rejected, with this message, and
 * {@code GET /api/commands/{messageId}} shows it.
 */
public class BusinessRuleException extends CommandRejectedException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which rule, for which account
     */
    public BusinessRuleException(String message) {
        super(message);
    }
}
