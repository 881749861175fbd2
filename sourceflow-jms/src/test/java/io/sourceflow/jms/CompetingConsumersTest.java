package io.sourceflow.jms;

import static io.sourceflow.jms.support.EmbeddedBroker.COMMANDS;
import static io.sourceflow.jms.support.EmbeddedBroker.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.Metadata;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.AccountViewModel;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.cdi.bank.Commands.CreateAccount;
import io.sourceflow.cdi.bank.Commands.DepositMoney;
import io.sourceflow.jms.support.Closer;
import io.sourceflow.jms.support.EmbeddedBroker;
import io.sourceflow.jms.support.TestServer;
import io.sourceflow.jms.support.TransactedConsumer;
import io.sourceflow.jms.support.TransactedConsumer.Delivery;
import io.sourceflow.jms.support.XaConnectionFactory;
import io.sourceflow.spi.EntityStore;
import io.sourceflow.spi.ViewModelStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One server of an application whose servers all consume the command queue
 * ({@code sourceflow.jms.competing-consumers=true}) and share their views through one subscription
 * of the event topic ({@code sourceflow.views.remote-only=true}): what it publishes goes to the queue
 * although its own saga handles the type, comes back from the queue to that saga, and its events
 * reach its views only through the topic, also when it sent them itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompetingConsumersTest {

    final Closer closer = new Closer();
    EmbeddedBroker broker;
    TestServer server;
    TransactedConsumer commands;
    TransactedConsumer events;

    @BeforeAll
    void start() {
        broker = closer.add(EmbeddedBroker.start("competing", false));
        XaConnectionFactory factory = closer.add(new XaConnectionFactory(broker.xaConnectionFactory()));
        commands = closer.add(TransactedConsumer.ofQueue(broker.xaConnectionFactory(), COMMANDS));
        events = closer.add(TransactedConsumer.ofSubscription(broker.xaConnectionFactory(), EVENTS, "shared-views"));
        server = closer.add(TestServer.named("competing").jpa().jms(factory)
                .config("sourceflow.jms.command-queue", COMMANDS)
                .config("sourceflow.jms.event-topic", EVENTS)
                .config("sourceflow.jms.routed-commands", "*")
                .config("sourceflow.jms.routed-events", "*")
                .config("sourceflow.jms.competing-consumers", "true")
                .config("sourceflow.jms.consumer", "bank")
                .config("sourceflow.views.remote-only", "true")
                .beans(AccountSaga.class, AccountView.class)
                .start());
    }

    @AfterAll
    void stop() throws Exception {
        closer.closeAll();
    }

    @BeforeEach
    void emptyDestinations() throws Exception {
        commands.drain(message -> { });
        events.drain(message -> { });
    }

    @Test
    void aCommandPublishedHereGoesThroughTheQueueToTheLocalSagaAndItsEventsThroughTheTopicToTheViews() throws Exception {
        // when: published here, although the saga is here too
        CommandBus bus = server.get(CommandBus.class);
        Metadata opened = bus.publish(new CreateAccount(EntityRef.of("c-1").asNew(), "Cora", new BigDecimal("100")));
        Metadata deposited = bus.publish(new DepositMoney(EntityRef.of("c-1"), new BigDecimal("25")));

        // then: sent, not handled nor logged yet
        assertThat(opened.sequenceNo()).isZero();
        assertThat(deposited.sequenceNo()).isZero();
        // (the broker adds a committed message to its queue after it answered the commit)
        await("both commands on the queue").atMost(Duration.ofSeconds(10)).until(() -> broker.depth(COMMANDS) == 2);
        assertThat(server.rows().value("SELECT COUNT(*) FROM sourceflow_command WHERE entity_id = 'c-1'"))
                .satisfies(count -> assertThat(((Number) count).longValue()).isZero());

        // when: this server's command MDB takes them from the queue
        List<Delivery> handled = commands.drain(server.get(JmsInbound.class)::receive);

        // then: logged and handled here, in order; the view is not projected from the local events ...
        assertThat(handled).hasSize(2).allSatisfy(d -> assertThat(d.committed()).isTrue());
        assertThat(server.rows().query("SELECT sequence_no FROM sourceflow_command WHERE entity_id = 'c-1' ORDER BY sequence_no"))
                .extracting(row -> ((Number) row.get(0)).longValue()).containsExactly(1L, 2L);
        assertThat(server.get(EntityStore.class).find(BankAccount.class, "c-1").orElseThrow().getBalance())
                .isEqualByComparingTo("125");
        assertThat(server.get(ViewModelStore.class).find(AccountViewModel.class, "c-1")).isEmpty();

        // ... but from the topic, although this application sent those events itself
        List<Delivery> projected = events.drain(server.get(JmsInbound.class)::receive);
        assertThat(projected).hasSizeGreaterThanOrEqualTo(2).allSatisfy(d -> assertThat(d.committed()).isTrue());
        assertThat(server.get(ViewModelStore.class).find(AccountViewModel.class, "c-1").orElseThrow())
                .satisfies(view -> assertThat(view.currentBalance()).isEqualByComparingTo("125"))
                .satisfies(view -> assertThat(view.transactionCount()).isEqualTo(1));

        // a redelivered command (another server took it after this one's commit) is skipped
        assertThat(commands.drain(server.get(JmsInbound.class)::receive)).isEmpty();
    }

    @Test
    void aReplayRunsHereAndRebuildsTheViewsWithoutSendingAnything() throws Exception {
        // given: an account handled and projected through queue and topic
        CommandBus bus = server.get(CommandBus.class);
        bus.publish(new CreateAccount(EntityRef.of("c-2").asNew(), "Carl", new BigDecimal("40")));
        bus.publish(new DepositMoney(EntityRef.of("c-2"), new BigDecimal("2")));
        commands.drain(server.get(JmsInbound.class)::receive);
        events.drain(server.get(JmsInbound.class)::receive);

        // when
        long replayed = bus.replay(EntityRef.of("c-2"));

        // then: the local saga replayed the log, the views were rebuilt here, nothing was sent
        assertThat(replayed).isEqualTo(2);
        assertThat(server.get(EntityStore.class).find(BankAccount.class, "c-2").orElseThrow().getBalance())
                .isEqualByComparingTo("42");
        assertThat(server.get(ViewModelStore.class).find(AccountViewModel.class, "c-2").orElseThrow().currentBalance())
                .isEqualByComparingTo("42");
        await("nothing sent").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> broker.depth(COMMANDS) == 0);
        assertThat(events.drain(message -> { })).isEmpty();
    }
}
