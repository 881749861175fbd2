package io.sourceflow.sample.account;

/** A command broke a business rule of the account; the REST API answers 422. */
public class BusinessRuleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which rule, for which account
     */
    public BusinessRuleException(String message) {
        super(message);
    }
}
