package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.Aggregate;
import io.sourceflow.Command;
import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;
import io.sourceflow.Subscribes;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.Commands.ActivateAccount;
import io.sourceflow.cdi.bank.Commands.CreateAccount;
import io.sourceflow.cdi.bank.Events.AccountCreated;
import io.sourceflow.spi.CommandStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/**
 * Who published a command ({@link Metadata#principal()}): the caller principal of Jakarta Security's
 * {@code SecurityContext}, in the logged command, the events it raises and the commands their handlers send; none without
 * one; a name the publisher gave, and a received command's, kept.
 */
@EnableWeld
class CallerPrincipalTest {

    @WeldSetup
    WeldInitiator weld = SourceFlowWeld.initiator(AccountSaga.class, AccountView.class, EnvelopeActivator.class,
            Caller.class);

    @Inject
    CommandBus bus;
    @Inject
    EnvelopeActivator activator;
    @Inject
    CommandStore log;
    @Inject
    Caller caller;

    @Test
    void theCallersNameIsInTheCommandItsEventsAndTheCommandsTheyCause() {
        caller.is("alice");

        Metadata created = bus.publish(new CreateAccount(EntityRef.of("p-1").asNew(), "Pat", BigDecimal.TEN));

        assertThat(created.principal()).isEqualTo("alice");
        List<Envelope<Command>> logged = logged("p-1");
        assertThat(logged).hasSize(2);
        assertThat(logged.get(0).metadata().principal()).as("the command, logged").isEqualTo("alice");
        assertThat(activator.seen().get(0).principal()).as("its event").isEqualTo("alice");
        assertThat(logged.get(1).metadata().principal()).as("the command its event's handler sent in an envelope of its own")
                .isEqualTo("alice");
    }

    @Test
    void aBlankNameIsNone() {
        assertThat(Metadata.create("p-5").withPrincipal(" ").principal()).isNull();
        assertThat(Metadata.create("p-5").withPrincipal("bob").withPrincipal(null).properties()).isEmpty();
    }

    @Test
    void noAuthenticatedCallerNoPrincipal() {
        caller.is(null);

        bus.publish(new CreateAccount(EntityRef.of("p-2").asNew(), "Pat", BigDecimal.TEN));

        assertThat(logged("p-2")).extracting(command -> command.metadata().principal()).containsExactly(null, null);
    }

    @Test
    void aNameTheEnvelopeCarriesIsKeptAndAReceivedCommandIsNotStamped() {
        caller.is("alice");
        Metadata given = Metadata.create("p-3").withPrincipal("bob");
        Metadata received = Metadata.create("p-4").withOrigin(Metadata.Origin.REMOTE);

        bus.publish(new Envelope<>(new CreateAccount(EntityRef.of("p-3").asNew(), "Pat", BigDecimal.TEN), given));
        bus.publish(new Envelope<>(new CreateAccount(EntityRef.of("p-4").asNew(), "Pat", BigDecimal.TEN), received));

        assertThat(logged("p-3").get(0).metadata().principal()).isEqualTo("bob");
        assertThat(logged("p-4").get(0).metadata().principal()).isNull();
    }

    private List<Envelope<Command>> logged(String id) {
        try (Stream<Envelope<Command>> commands = log.load("BankAccount", id)) {
            return commands.toList();
        }
    }

    /** Activates every new account, sending the command in an envelope with fresh metadata (no principal). */
    @ApplicationScoped
    static class EnvelopeActivator extends Aggregate<BankAccount> {
        private final List<Metadata> seen = new CopyOnWriteArrayList<>();

        @Inject
        CommandBus bus;

        @Subscribes
        void on(AccountCreated event, Metadata metadata) {
            seen.add(metadata);
            String id = event.account().id();
            bus.publish(new Envelope<>(new ActivateAccount(EntityRef.of(id), LocalDate.of(2026, 1, 1)), Metadata.create(id)));
        }

        List<Metadata> seen() {
            return List.copyOf(seen);
        }
    }

    /** Jakarta Security's view of the caller, as a test sets it: a Jakarta EE server provides this bean itself. */
    @ApplicationScoped
    static class Caller implements SecurityContext {
        private String name;

        void is(String name) {
            this.name = name;
        }

        @Override
        public Principal getCallerPrincipal() {
            return name == null ? null : () -> name;
        }

        @Override
        public <T extends Principal> Set<T> getPrincipalsByType(Class<T> type) {
            return Set.of();
        }

        @Override
        public boolean isCallerInRole(String role) {
            return false;
        }

        @Override
        public boolean hasAccessToWebResource(String resource, String... methods) {
            return false;
        }

        @Override
        public AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                AuthenticationParameters parameters) {
            throw new UnsupportedOperationException("not a web request");
        }
    }
}
