package io.sourceflow.sample.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.Command;
import io.sourceflow.CommandBus;
import io.sourceflow.EntityExistsException;
import io.sourceflow.EntityNotFoundException;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.sample.account.AccountAggregate;
import io.sourceflow.sample.account.AccountQueries;
import io.sourceflow.sample.account.AccountViewModel;
import io.sourceflow.sample.account.BankAccount;
import io.sourceflow.sample.account.BusinessRuleException;
import io.sourceflow.spi.CommandStore;
import io.sourceflow.spi.EntityStore;
import io.sourceflow.spi.ViewModelStore;
import jakarta.inject.Inject;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bank scenario inside the running server (Open Liberty or WildFly), against its JTA and the
 * configured stores: the sample WAR as built, plus this class, deployed next to the sample.
 */
@ExtendWith(ArquillianExtension.class)
class BankScenarioInContainerIT {

    @Inject
    AccountAggregate accounts;
    @Inject
    CommandBus bus;
    @Inject
    CommandStore log;
    @Inject
    EntityStore entities;
    @Inject
    ViewModelStore views;
    @Inject
    AccountQueries queries;
    @Inject
    UserTransaction transaction;

    /**
     * The sample WAR as built ({@code sample.war}, default {@code target/sourceflow-sample.war}) plus this
     * class and AssertJ. On Open Liberty also the OpenTelemetry API: the test archive is deployed without
     * {@code +third-party} API visibility. WildFly gives every deployment its own OpenTelemetry API
     * ({@code sample.incontainer.opentelemetry-api=false}).
     *
     * @return the test archive
     */
    @Deployment
    static WebArchive deployment() {
        WebArchive war = ShrinkWrap.create(ZipImporter.class, "sample-incontainer.war")
                .importFrom(new File(System.getProperty("sample.war", "target/sourceflow-sample.war")))
                .as(WebArchive.class);
        war.addClass(BankScenarioInContainerIT.class).addAsLibraries(jarOf(Assertions.class));
        if (Boolean.parseBoolean(System.getProperty("sample.incontainer.opentelemetry-api", "true"))) {
            war.addAsLibraries(jarOf(io.opentelemetry.api.OpenTelemetry.class), jarOf(io.opentelemetry.context.Context.class));
        }
        return war;
    }

    @Test
    void seedScenarioThenReplayThenClose() {
        // given
        String id = newId();
        accounts.open(id, "Jane", new BigDecimal("1000"));
        accounts.deposit(id, new BigDecimal("500"));
        accounts.withdraw(id, new BigDecimal("200"));
        accounts.deposit(id, new BigDecimal("100"));
        BankAccount.Snapshot before = account(id).snapshot();
        AccountViewModel viewBefore = view(id);

        // then
        assertThat(before.balance()).isEqualByComparingTo("1400");
        assertThat(viewBefore.getCurrentBalance()).isEqualByComparingTo("1400");
        assertThat(viewBefore.getTransactionCount()).isEqualTo(3);
        assertThat(viewBefore.getLastSequenceNo()).isEqualTo(4);
        assertThat(logged(id)).extracting(e -> e.metadata().sequenceNo()).containsExactly(1L, 2L, 3L, 4L);

        // when
        long replayed = accounts.rebuild(id);

        // then
        assertThat(replayed).isEqualTo(4);
        assertThat(account(id).snapshot()).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(before);
        AccountViewModel rebuilt = view(id);
        assertThat(rebuilt.getCurrentBalance()).isEqualByComparingTo("1400");
        assertThat(rebuilt.getTransactionCount()).isEqualTo(3);
        assertThat(rebuilt.getLastSequenceNo()).isEqualTo(4);
        assertThat(logged(id)).hasSize(4);

        // when
        accounts.close(id, "moving abroad");

        // then
        assertThat(view(id).isClosed()).isTrue();
        assertThat(view(id).getClosureReason()).isEqualTo("moving abroad");
        assertThat(logged(id)).hasSize(5);
    }

    @Test
    void aRejectedCommandLeavesNoRowAnywhere() {
        // given
        String id = newId();
        accounts.open(id, "Joe", new BigDecimal("100"));

        // when / then
        assertThatThrownBy(() -> accounts.withdraw(id, new BigDecimal("100.01")))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("cannot withdraw 100.01");
        assertThat(logged(id)).hasSize(1);
        assertThat(account(id).getBalance()).isEqualByComparingTo("100");
        assertThat(view(id).getCurrentBalance()).isEqualByComparingTo("100");
        assertThat(view(id).getTransactionCount()).isZero();
    }

    @Test
    void commandsInARolledBackTransactionLeaveNoRowAnywhere() throws Exception {
        // given
        String id = newId();

        // when
        transaction.begin();
        try {
            accounts.open(id, "Rolled Back", new BigDecimal("10"));
            accounts.deposit(id, new BigDecimal("5"));
            assertThat(logged(id)).hasSize(2);
        } finally {
            transaction.rollback();
        }

        // then
        assertThat(logged(id)).isEmpty();
        assertThat(read(() -> entities.find(BankAccount.class, id))).isEmpty();
        assertThat(read(() -> views.find(AccountViewModel.class, id))).isEmpty();
        assertThat(read(() -> queries.search(new AccountQueries.Criteria("Rolled Back", null, null), 0, 100)))
                .extracting(AccountViewModel::getId).doesNotContain(id);
    }

    @Test
    void aRejectedCreationLeavesNoLogNoEntityNoView() {
        String id = newId();

        assertThatThrownBy(() -> accounts.open(id, "Negative", new BigDecimal("-1")))
                .isInstanceOf(BusinessRuleException.class);

        assertThat(logged(id)).isEmpty();
        assertThat(read(() -> entities.find(BankAccount.class, id))).isEmpty();
        assertThat(read(() -> views.find(AccountViewModel.class, id))).isEmpty();
        assertThat(read(() -> queries.search(new AccountQueries.Criteria("Negative", null, null), 0, 100)))
                .extracting(AccountViewModel::getId).doesNotContain(id);
    }

    @Test
    void creatingAnExistingAccountFailsAndKeepsTheFirst() {
        String id = newId();
        accounts.open(id, "First", BigDecimal.ONE);

        assertThatThrownBy(() -> accounts.open(id, "Second", BigDecimal.TEN)).isInstanceOf(EntityExistsException.class);

        assertThat(account(id).getAccountName()).isEqualTo("First");
        assertThat(view(id).getAccountName()).isEqualTo("First");
        assertThat(logged(id)).hasSize(1);
    }

    @Test
    void unknownAccountsAreNamed() {
        String id = newId();

        assertThatThrownBy(() -> accounts.deposit(id, BigDecimal.ONE))
                .isInstanceOf(EntityNotFoundException.class).hasMessageContaining(id);
        assertThatThrownBy(() -> bus.replay(EntityRef.of(id)))
                .isInstanceOf(EntityNotFoundException.class).hasMessageContaining(id);
        assertThat(logged(id)).isEmpty();
    }

    // Each read runs in a transaction of its own: outside one, Liberty keeps one persistence context
    // for the whole test request, which would show entities as they were first read.

    private BankAccount account(String id) {
        return read(() -> entities.find(BankAccount.class, id).orElseThrow());
    }

    private AccountViewModel view(String id) {
        return read(() -> views.find(AccountViewModel.class, id).orElseThrow());
    }

    private List<Envelope<Command>> logged(String id) {
        return read(() -> {
            try (Stream<Envelope<Command>> commands = log.load("bank.Account", id)) {
                return commands.toList();
            }
        });
    }

    private <T> T read(Supplier<T> query) {
        boolean own = status() == Status.STATUS_NO_TRANSACTION;
        try {
            if (own) {
                transaction.begin();
            }
            return query.get();
        } catch (NotSupportedException | SystemException e) {
            throw new IllegalStateException(e);
        } finally {
            if (own) {
                try {
                    transaction.rollback();
                } catch (SystemException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private int status() {
        try {
            return transaction.getStatus();
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newId() {
        return "ic-" + UUID.randomUUID();
    }

    private static File jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
