package io.sourceflow.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.jms.fixtures.Counting.CounterSaga;
import io.sourceflow.jms.support.TestServer;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.junit.jupiter.api.Test;

/** Routing mistakes fail the deployment, listing what is wrong. */
class RoutingConflictTest {

    @Test
    void aCommandTypeRoutedByNameAndHandledByALocalSagaIsADeploymentError() {
        assertThatThrownBy(() -> TestServer.named("conflict").config("sourceflow.jms.routed-commands", "bank.X, local.Count")
                .beans(CounterSaga.class).start())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("[local.Count]")
                .hasMessageContaining("also handled by a local saga");
    }

    @Test
    void withCompetingConsumersACommandTypeRoutedByNameMayAlsoBeHandledByALocalSaga() throws Exception {
        try (TestServer server = TestServer.named("competing-routes").config("sourceflow.jms.routed-commands", "local.Count")
                .config("sourceflow.jms.competing-consumers", "true").beans(CounterSaga.class).start()) {
            assertThat(server.get(JmsCommandDispatcher.class).forwardsToOwnQueue()).isTrue();
        }
    }

    @Test
    void aCompetingConsumersValueOtherThanTrueOrFalseIsADeploymentError() {
        assertThatThrownBy(() -> TestServer.named("invalid-competing").config("sourceflow.jms.competing-consumers", "yes")
                .beans(CounterSaga.class).start())
                .isInstanceOf(DeploymentException.class)
                .hasStackTraceContaining("sourceflow.jms.competing-consumers must be true or false, not 'yes'");
    }

    @Test
    void anInvalidSettingIsADeploymentError() {
        assertThatThrownBy(() -> TestServer.named("invalid").config("sourceflow.jms.max-deliveries", "0")
                .beans(CounterSaga.class).start())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("sourceflow.jms.max-deliveries must be at least 1");
    }
}
