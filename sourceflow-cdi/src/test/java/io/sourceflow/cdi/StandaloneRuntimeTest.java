package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.Command;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.AccountViewModel;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.cdi.bank.BusinessRuleException;
import io.sourceflow.cdi.bank.Commands.DepositMoney;
import io.sourceflow.cdi.followup.Transfers;
import io.sourceflow.cdi.invalid.InvalidHandlers;
import io.sourceflow.cdi.revisions.BrokenUpcasters;
import io.sourceflow.spi.CommandDispatcher;
import io.sourceflow.spi.Outcome;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The runtime made without a container, over handler objects made with {@code new}. */
class StandaloneRuntimeTest {

    @Test
    void handlersMadeWithNewRunTheWholePipelineAndReplay() {
        AccountAggregate accounts = new AccountAggregate();
        StandaloneRuntime runtime = StandaloneRuntime.builder()
                .handlers(new AccountSaga(), new AccountView(), accounts)
                .build();

        accounts.open("a-1", "Jane", new BigDecimal("100"));
        accounts.deposit("a-1", new BigDecimal("50"));

        assertThat(runtime.entities().find(BankAccount.class, "a-1").orElseThrow().getBalance()).isEqualByComparingTo("150");
        assertThat(runtime.views().find(AccountViewModel.class, "a-1").orElseThrow().currentBalance())
                .isEqualByComparingTo("150");
        assertThat(accounts.created()).singleElement().satisfies(m -> assertThat(m.entityId()).isEqualTo("a-1"));
        assertThat(runtime.bus().replay(EntityRef.of("a-1"))).isEqualTo(2);
        assertThat(runtime.views().find(AccountViewModel.class, "a-1").orElseThrow().currentBalance())
                .isEqualByComparingTo("150");
    }

    @Test
    void aRejectedCommandLeavesNothingBehind() {
        AccountAggregate accounts = new AccountAggregate();
        StandaloneRuntime runtime = StandaloneRuntime.builder().handlers(new AccountSaga(), new AccountView(), accounts).build();
        accounts.open("a-2", "Joe", new BigDecimal("10"));

        assertThatThrownBy(() -> accounts.withdraw("a-2", new BigDecimal("11"))).isInstanceOf(BusinessRuleException.class);

        assertThat(runtime.entities().find(BankAccount.class, "a-2").orElseThrow().getBalance()).isEqualByComparingTo("10");
        try (Stream<Envelope<Command>> log = runtime.log().load("BankAccount", "a-2")) {
            assertThat(log).hasSize(1);
        }
    }

    @Test
    void commandsNoSagaHereHandlesGoElsewhereUnlogged() {
        List<Envelope<? extends Command>> sent = new ArrayList<>();
        AccountAggregate accounts = new AccountAggregate();
        StandaloneRuntime runtime = StandaloneRuntime.builder()
                .handlers(new Transfers.TransferSaga(), accounts)
                .elsewhere(sent::add)
                .build();
        BankAccount from = new BankAccount();
        from.setId("from");
        from.setBalance(new BigDecimal("30"));
        runtime.entities().persist(BankAccount.class, "from", from);

        runtime.bus().publish(new Transfers.TransferMoney(EntityRef.of("from"), "to", BigDecimal.TEN));

        assertThat(sent).singleElement().satisfies(e -> assertThat(e.message())
                .isEqualTo(new DepositMoney(EntityRef.of("to"), BigDecimal.TEN)));
        try (Stream<Envelope<Command>> log = runtime.log().load("BankAccount", "to")) {
            assertThat(log).isEmpty();
        }
        assertThat(runtime.entities().find(BankAccount.class, "from").orElseThrow().getBalance()).isEqualByComparingTo("20");
    }

    @Test
    void aDispatcherThatForwardsWhatASagaHandlesIsRefused() {
        assertThatThrownBy(() -> StandaloneRuntime.builder().handlers(new AccountSaga())
                .dispatcher(new Forwarding(DepositMoney.class, new ArrayList<>())).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("command " + DepositMoney.class.getName())
                .hasMessageContaining("forwarded by " + Forwarding.class.getName());
    }

    @Test
    void aCommandAGivenDispatcherForwardsDoesNotAlsoGoElsewhere() {
        List<Envelope<? extends Command>> forwarded = new ArrayList<>();
        List<Envelope<? extends Command>> elsewhere = new ArrayList<>();
        StandaloneRuntime runtime = StandaloneRuntime.builder().handlers(new Transfers.TransferSaga())
                .dispatcher(new Forwarding(DepositMoney.class, forwarded)).elsewhere(elsewhere::add).build();
        BankAccount from = new BankAccount();
        from.setId("from");
        from.setBalance(BigDecimal.TEN);
        runtime.entities().persist(BankAccount.class, "from", from);

        runtime.bus().publish(new Transfers.TransferMoney(EntityRef.of("from"), "to", BigDecimal.ONE));

        assertThat(forwarded).hasSize(1);
        assertThat(elsewhere).isEmpty();
    }

    /** A transport's dispatcher, forwarding one command type. */
    private record Forwarding(Class<?> type, List<Envelope<? extends Command>> sent) implements CommandDispatcher {
        @Override
        public Outcome dispatch(Envelope<? extends Command> envelope) {
            if (envelope.message().getClass() != type) {
                return Outcome.DECLINED;
            }
            sent.add(envelope);
            return Outcome.TAKEN;
        }

        @Override
        public boolean forwards(Class<? extends Command> commandType) {
            return commandType == type;
        }

        @Override
        public int getPriority() {
            return 100;
        }
    }

    @Test
    void badHandlersAreAllListed() {
        assertThatThrownBy(() -> StandaloneRuntime.builder()
                .handlers(new InvalidHandlers.FirstPingSaga(), new InvalidHandlers.SecondPingSaga(),
                        new InvalidHandlers.PrivateHandler(), new InvalidHandlers.Thing(), new AccountSaga(), new AccountSaga(),
                        new InvalidHandlers.NoScopeView(), new BrokenUpcasters.ZeroSaga())
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 2 handlers, it must have one")
                .hasMessageContaining("PrivateHandler")
                .hasMessageContaining(InvalidHandlers.Thing.class.getName() + " is not a Saga, an Aggregate or a View")
                .hasMessageContaining(AccountSaga.class.getName() + " is given twice")
                .hasMessageContaining(InvalidHandlers.NoScopeView.class.getName() + ": a saga, aggregate or view needs a"
                        + " bean-defining annotation")
                .hasMessageContaining("type alias 'zero.Thing' has revision 0; a revision is at least 1");
    }

    @Test
    void aHandlerMadeWithNewButNotGivenToARuntimeSaysWhatIsMissing() {
        assertThatThrownBy(() -> new AccountAggregate().open("x", "X", BigDecimal.ONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(AccountAggregate.class.getName() + " is not connected to a runtime")
                .hasMessageContaining("StandaloneRuntime");
    }
}
