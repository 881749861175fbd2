package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.Commands.CreateAccount;
import io.sourceflow.spi.MessageTypes;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** The runtime's beans exist once, whether a container only runs the extension or also finds the classes. */
class DiscoveryTest {

    /** A replacement store, as sourceflow-jpa has, that needs the aliases as soon as it exists. */
    @ApplicationScoped
    @Alternative
    @Priority(1)
    static class AliasAwareStore extends InMemoryCommandStore {
        @Inject
        MessageTypes types;
        String alias;

        @PostConstruct
        void start() {
            alias = types.aliasOf(CreateAccount.class);
        }

        String alias() {
            return alias;
        }
    }

    @Test
    void storeStartedByTheRuntimeMayInjectTheAliases() {
        try (WeldContainer container = SourceFlowWeld.weld(AccountSaga.class, AccountView.class, AliasAwareStore.class)
                .initialize()) {
            CommandBus bus = container.select(CommandBus.class).get();

            bus.publish(new CreateAccount(EntityRef.of("d-2").asNew(), "Dee", BigDecimal.ONE));

            assertThat(container.select(AliasAwareStore.class).get().alias()).isEqualTo("bank.CreateAccount");
        }
    }

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
