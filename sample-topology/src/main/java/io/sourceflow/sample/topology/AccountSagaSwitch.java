package io.sourceflow.sample.topology;

import io.sourceflow.sample.account.AccountSaga;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Leaves {@link AccountSaga} out of the deployment when the MicroProfile Config property
 * {@value #KEY} is {@code false}: on a server that only serves the API and the views, the account
 * commands then have no local saga, so {@code sourceflow.jms.routed-commands=*} sends them to the
 * server that has it. The default, {@code true}, handles them here.
 */
public class AccountSagaSwitch implements Extension {

    /** The configuration key: whether this server handles the account commands itself. */
    public static final String KEY = "sourceflow.sample.account-saga";

    private static final Logger LOG = Logger.getLogger(AccountSagaSwitch.class.getName());

    void decide(@Observes ProcessAnnotatedType<AccountSaga> event) {
        if (!enabled()) {
            LOG.config(() -> KEY + "=false: AccountSaga is not deployed here; account commands are routed elsewhere");
            event.veto();
        }
    }

    /**
     * Reads the switch.
     *
     * @return whether the account saga runs in this application
     */
    static boolean enabled() {
        return ConfigProvider.getConfig(AccountSagaSwitch.class.getClassLoader())
                .getOptionalValue(KEY, Boolean.class).orElse(Boolean.TRUE);
    }
}
