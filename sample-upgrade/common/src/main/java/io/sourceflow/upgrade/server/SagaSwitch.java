package io.sourceflow.upgrade.server;

import io.sourceflow.Saga;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Leaves every saga out of the deployment when the MicroProfile Config property {@value #KEY} is
 * {@code false} (the role {@code views} of {@code liberty-config} sets it): that server then has no
 * local handler for the commands and routes them to the server that has one.
 */
public class SagaSwitch implements Extension {

    /** Whether this server handles the commands itself; {@code true} by default. */
    public static final String KEY = "sourceflow.sample.account-saga";

    private static final Logger LOG = Logger.getLogger(SagaSwitch.class.getName());

    void decide(@Observes ProcessAnnotatedType<? extends Saga<?>> event) {
        boolean enabled = ConfigProvider.getConfig(SagaSwitch.class.getClassLoader())
                .getOptionalValue(KEY, Boolean.class).orElse(Boolean.TRUE);
        if (!enabled) {
            LOG.config(() -> KEY + "=false: " + event.getAnnotatedType().getJavaClass().getName() + " is not deployed here");
            event.veto();
        }
    }
}
