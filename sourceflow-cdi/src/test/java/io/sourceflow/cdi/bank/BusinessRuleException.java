package io.sourceflow.cdi.bank;

import io.sourceflow.CommandRejectedException;

/** A command broke a business rule: the saga rejects it. */
public class BusinessRuleException extends CommandRejectedException {

    private static final long serialVersionUID = 1L;

    public BusinessRuleException(String message) {
        super(message);
    }
}
