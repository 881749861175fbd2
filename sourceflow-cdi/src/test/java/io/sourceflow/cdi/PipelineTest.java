package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.Command;
import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;
import io.sourceflow.NoHandlerException;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.AccountViewModel;
import io.sourceflow.cdi.bank.Commands.CreateAccount;
import io.sourceflow.cdi.bank.Commands.DepositMoney;
import io.sourceflow.cdi.pipeline.Journal;
import io.sourceflow.cdi.pipeline.Journal.Entry;
import io.sourceflow.cdi.pipeline.Plugins;
import io.sourceflow.spi.CommandStore;
import io.sourceflow.spi.ViewModelStore;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/** Middleware order, short-circuit and replay pass-through; dispatcher fan-out; commands nobody takes. */
@EnableWeld
class PipelineTest {

    @WeldSetup
    WeldInitiator weld = SourceFlowWeld.initiator(AccountSaga.class, AccountView.class, Journal.class,
            Plugins.Outer.class, Plugins.Gate.class, Plugins.Subscribe.class, Plugins.EventDispatch.class,
            Plugins.EventSubscribe.class, Plugins.RemoteCommands.class, Plugins.RemoteEvents.class);

    @Inject
    CommandBus bus;
    @Inject
    Journal journal;
    @Inject
    CommandStore log;
    @Inject
    ViewModelStore views;

    @Test
    void middlewareRunsInPriorityOrderAroundEveryPoint() {
        // when
        bus.publish(new CreateAccount(EntityRef.of("p-1").asNew(), "Pat", BigDecimal.TEN));

        // then
        assertThat(journal.who()).containsExactly(
                "dispatch-10", "dispatch-20", "remote-commands", "subscribe",
                "event-dispatch", "remote-events", "event-subscribe");
    }

    @Test
    void middlewareThatDoesNotCallNextStopsTheCommand() {
        // given
        bus.publish(new CreateAccount(EntityRef.of("p-2").asNew(), "Pat", BigDecimal.TEN));
        journal.clear();
        Command deposit = new DepositMoney(EntityRef.of("p-2"), BigDecimal.ONE);

        // when
        bus.publish(new Envelope<>(deposit, Metadata.create("p-2").withProperties(Map.of(Plugins.STOP, "yes"))));

        // then
        assertThat(journal.who()).containsExactly("dispatch-10", "dispatch-20");
        assertThat(views.find(AccountViewModel.class, "p-2").orElseThrow().currentBalance()).isEqualByComparingTo("10");
    }

    @Test
    void replayedMessagesPassThroughMiddlewareMarkedAsReplay() {
        // given
        bus.publish(new CreateAccount(EntityRef.of("p-3").asNew(), "Pat", BigDecimal.TEN));
        journal.clear();

        // when
        bus.replay(EntityRef.of("p-3"));

        // then
        assertThat(journal.entries()).extracting(Entry::who).containsExactly(
                "dispatch-10", "dispatch-20", "remote-commands", "subscribe",
                "event-dispatch", "remote-events", "event-subscribe");
        assertThat(journal.entries()).allMatch(Entry::replay);
    }

    @Test
    void everyDispatcherSeesTheCommandAndTheRouteTakesWhatNoSagaHandles() {
        // when
        Metadata routed = bus.publish(new Plugins.Routed(EntityRef.of("r-1")));

        // then
        assertThat(routed.sequenceNo()).isEqualTo(1);
        assertThat(journal.entries()).extracting(Entry::who, Entry::message)
                .contains(org.assertj.core.groups.Tuple.tuple("remote-commands", "Routed"));
        assertThat(logged("r-1")).isEqualTo(1);
    }

    @Test
    void commandNobodyTakesFailsClearlyAndLeavesNoLogEntry() {
        assertThatThrownBy(() -> bus.publish(new Plugins.Orphan(EntityRef.of("o-1"))))
                .isInstanceOf(NoHandlerException.class)
                .hasMessageContaining(Plugins.Orphan.class.getName())
                .hasMessageContaining("'Orphan'")
                .hasMessageContaining("entity 'o-1' #1");
        assertThat(logged("o-1")).isZero();
    }

    /** Commands no saga handles are logged under the empty entity type. */
    private long logged(String id) {
        try (Stream<Envelope<Command>> commands = log.load("", id)) {
            return commands.count();
        }
    }
}
