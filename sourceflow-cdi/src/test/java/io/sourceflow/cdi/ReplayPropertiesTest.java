package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.AccountViewModel;
import io.sourceflow.cdi.bank.ActivityView;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.cdi.bank.BusinessRuleException;
import io.sourceflow.cdi.bank.Commands.ActivateAccount;
import io.sourceflow.cdi.bank.Commands.CloseAccount;
import io.sourceflow.cdi.bank.Commands.DepositMoney;
import io.sourceflow.cdi.bank.Commands.WithdrawMoney;
import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.spi.CommandStore;
import io.sourceflow.spi.EntityStore;
import io.sourceflow.spi.ViewModelStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jboss.weld.environment.se.WeldContainer;

/** For any sequence of commands, replaying the log rebuilds exactly the state of the first run. */
class ReplayPropertiesTest {

    private static WeldContainer container;

    @BeforeContainer
    static void start() {
        container = SourceFlowWeld.weld(AccountSaga.class, AccountView.class, ActivityView.class, AccountAggregate.class).initialize();
    }

    @AfterContainer
    static void stop() {
        container.shutdown();
    }

    /** One step of a random history: a kind and an amount in cents. */
    record Step(int kind, long cents) {
        Command toCommand(String id) {
            EntityRef ref = EntityRef.of(id);
            BigDecimal amount = BigDecimal.valueOf(cents, 2);
            return switch (kind) {
                case 0, 1 -> new DepositMoney(ref, amount);
                case 2, 3 -> new WithdrawMoney(ref, amount);
                case 4 -> new ActivateAccount(ref, LocalDate.ofEpochDay(cents));
                default -> new CloseAccount(ref, "reason " + cents);
            };
        }
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Arbitraries.integers().between(0, 5)
                .flatMap(kind -> Arbitraries.longs().between(-100, 50_000).map(cents -> new Step(kind, cents)));
        return step.list().ofMinSize(0).ofMaxSize(40);
    }

    @Property(tries = 200)
    void replayReproducesTheFirstRun(@ForAll("histories") List<Step> history, @ForAll("opening") long openingCents) {
        // given
        AccountAggregate accounts = container.select(AccountAggregate.class).get();
        CommandBus bus = container.select(CommandBus.class).get();
        String id = UUID.randomUUID().toString();
        accounts.open(id, "Prop", BigDecimal.valueOf(openingCents, 2));
        long accepted = 1;
        for (Step step : history) {
            try {
                bus.publish(step.toCommand(id));
                accepted++;
            } catch (BusinessRuleException rejected) {
                // rejected commands (overdraft, closed account, non-positive amount) must leave no trace
                assertThat(logSize(id)).isEqualTo(accepted);
            }
        }
        assertThat(logSize(id)).isEqualTo(accepted);
        BankAccount.Snapshot entity = entity(id);
        AccountViewModel view = view(id);
        ActivityView.Activity activity = activity(id);
        assertThat(activity.events()).isEqualTo(accepted);

        // when
        bus.replay(EntityRef.of(id));

        // then
        assertThat(entity(id)).isEqualTo(entity);
        assertThat(view(id)).isEqualTo(view);
        assertThat(activity(id)).isEqualTo(activity);
    }

    private static ActivityView.Activity activity(String id) {
        return container.select(ViewModelStore.class).get().find(ActivityView.Activity.class, id).orElseThrow();
    }

    @Provide
    Arbitrary<Long> opening() {
        return Arbitraries.longs().between(0, 100_000);
    }

    private static long logSize(String id) {
        try (Stream<Envelope<Command>> commands = container.select(CommandStore.class).get().load("BankAccount", id)) {
            return commands.count();
        }
    }

    private static BankAccount.Snapshot entity(String id) {
        return container.select(EntityStore.class).get().find(BankAccount.class, id).orElseThrow().snapshot();
    }

    private static AccountViewModel view(String id) {
        return container.select(ViewModelStore.class).get().find(AccountViewModel.class, id).orElseThrow();
    }
}
