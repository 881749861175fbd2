package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.SourceFlowException;
import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.AccountViewModel;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.cdi.bank.Commands.DepositMoney;
import io.sourceflow.spi.CommandDispatcher;
import io.sourceflow.spi.CommandStore;
import io.sourceflow.spi.EntityStore;
import io.sourceflow.spi.Outcome;
import io.sourceflow.spi.ViewModelStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A command is taken by exactly one dispatcher: an overlap is refused at start, or the publish fails with nothing applied. */
class OneDispatcherPerCommandTest {

    /** Takes deposits at run time without saying so in {@link #forwards}. */
    @ApplicationScoped
    static class Greedy implements CommandDispatcher {
        final List<Envelope<? extends Command>> taken = new CopyOnWriteArrayList<>();

        @Override
        public Outcome dispatch(Envelope<? extends Command> envelope) {
            if (envelope.message() instanceof DepositMoney) {
                taken.add(envelope);
                return Outcome.TAKEN;
            }
            return Outcome.DECLINED;
        }

        @Override
        public int getPriority() {
            return 2000;
        }
    }

    /** Says it forwards deposits, which a local saga handles too. */
    @ApplicationScoped
    static class Forwarding implements CommandDispatcher {
        @Override
        public boolean forwards(Class<? extends Command> type) {
            return type == DepositMoney.class;
        }

        @Override
        public Outcome dispatch(Envelope<? extends Command> envelope) {
            return forwards(envelope.message().getClass()) ? Outcome.TAKEN : Outcome.DECLINED;
        }

        @Override
        public int getPriority() {
            return 500;
        }
    }

    @Test
    void aDispatcherForwardingACommandALocalSagaHandlesIsRefusedAtStart() {
        // when
        Throwable failure = catchThrowable(() -> SourceFlowWeld.weld(AccountSaga.class, Forwarding.class)
                .initialize().shutdown());

        // then
        assertThat(ExtensionValidationTest.fullMessage(failure))
                .contains("bank.DepositMoney")
                .contains(AccountSaga.class.getName())
                .contains(Forwarding.class.getName());
    }

    @Test
    void aSecondTakerAtRunTimeFailsThePublishWithNothingApplied() {
        var weld = SourceFlowWeld.weld(AccountSaga.class, AccountView.class, AccountAggregate.class, Greedy.class)
                .initialize();
        try {
            AccountAggregate accounts = weld.select(AccountAggregate.class).get();
            accounts.open("d-1", "Dee", BigDecimal.TEN);

            // when
            assertThatThrownBy(() -> accounts.deposit("d-1", BigDecimal.ONE))
                    .isInstanceOf(SourceFlowException.class)
                    .hasMessageContaining("bank.DepositMoney")
                    .hasMessageContaining(Greedy.class.getName())
                    .hasMessageContaining("LocalCommandDispatcher");

            // then
            assertThat(weld.select(EntityStore.class).get().find(BankAccount.class, "d-1").orElseThrow().getBalance())
                    .isEqualByComparingTo("10");
            assertThat(weld.select(ViewModelStore.class).get().find(AccountViewModel.class, "d-1").orElseThrow()
                    .currentBalance()).isEqualByComparingTo("10");
            try (Stream<Envelope<Command>> logged = weld.select(CommandStore.class).get().load("BankAccount", "d-1")) {
                assertThat(logged).hasSize(1);
            }
        } finally {
            weld.shutdown();
        }
    }
}
