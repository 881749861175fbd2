package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.Commands.CreateAccount;
import java.math.BigDecimal;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** The runtime's beans exist once, whether a container only runs the extension or also finds the classes. */
class DiscoveryTest {

    @Test
    void runtimeClassesListedByTheApplicationAreNotDuplicated() {
        try (WeldContainer container = SourceFlowWeld.weld(AccountSaga.class, AccountView.class,
                SourceFlowRuntime.class, CdiCommandBus.class, InMemoryCommandStore.class).initialize()) {
            CommandBus bus = container.select(CommandBus.class).get();

            assertThat(bus.publish(new CreateAccount(EntityRef.of("d-1").asNew(), "Dee", BigDecimal.ONE)).sequenceNo())
                    .isEqualTo(1);
            assertThat(container.select(CommandBus.class).isResolvable()).isTrue();
        }
    }
}
