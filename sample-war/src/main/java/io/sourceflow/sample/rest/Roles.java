package io.sourceflow.sample.rest;

/**
 * The sample's two roles: the {@code groups} of a caller's MicroProfile JWT token. {@code WEB-INF/web.xml} lets
 * only authenticated callers reach {@code /api}; each resource method names the role it needs.
 */
public final class Roles {

    /** An account's holder: opens accounts, deposits, withdraws, closes, activates, reads and searches. */
    public static final String HOLDER = "account-holder";

    /** An operator: an account's history and replay, forgetting its personal data, the replay jobs, the dead letters. */
    public static final String ADMIN = "sourceflow-admin";

    private Roles() {
    }
}
