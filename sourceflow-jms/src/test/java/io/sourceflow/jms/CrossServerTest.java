package io.sourceflow.jms;

import static io.sourceflow.jms.support.EmbeddedBroker.COMMANDS;
import static io.sourceflow.jms.support.EmbeddedBroker.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.sourceflow.CommandBus;
import io.sourceflow.CommandStatus;
import io.sourceflow.CommandStatuses;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.AccountViewModel;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.cdi.bank.Commands.CreateAccount;
import io.sourceflow.cdi.bank.Commands.DepositMoney;
import io.sourceflow.cdi.bank.Commands.WithdrawMoney;
import io.sourceflow.jms.fixtures.Observed;
import io.sourceflow.jms.support.Closer;
import io.sourceflow.jms.support.EmbeddedBroker;
import io.sourceflow.jms.support.TestServer;
import io.sourceflow.jms.support.TestTelemetry;
import io.sourceflow.jms.support.TransactedConsumer;
import io.sourceflow.jms.support.TransactedConsumer.Delivery;
import io.sourceflow.jms.support.XaConnectionFactory;
import io.sourceflow.jpa.bank.AccountSummaryView;
import io.sourceflow.spi.EntityStore;
import io.sourceflow.spi.ViewModelStore;
import jakarta.jms.JMSContext;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two servers in one JVM, each with its own container and H2 database, joined by the embedded
 * broker: B serves the views and sends every command to A; A runs the saga, logs the commands and
 * publishes its events, which B projects. One trace runs from B's send through A's handling.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossServerTest {

    final Closer closer = new Closer();
    final TestTelemetry telemetry = new TestTelemetry();
    TestServer a;
    TestServer b;
    TransactedConsumer aCommands;
    TransactedConsumer bEvents;
    TransactedConsumer aEvents;
    XaConnectionFactory factory;

    @BeforeAll
    void start() {
        EmbeddedBroker broker = closer.add(EmbeddedBroker.start("cross", false));
        factory = closer.add(new XaConnectionFactory(broker.xaConnectionFactory()));
        aCommands = closer.add(TransactedConsumer.ofQueue(broker.xaConnectionFactory(), COMMANDS));
        bEvents = closer.add(TransactedConsumer.ofSubscription(broker.xaConnectionFactory(), EVENTS, "b"));
        aEvents = closer.add(TransactedConsumer.ofSubscription(broker.xaConnectionFactory(), EVENTS, "a"));
        a = closer.add(TestServer.named("cross_a").jpa().jms(factory).telemetry(telemetry.openTelemetry())
                .config("sourceflow.jms.command-queue", COMMANDS)
                .config("sourceflow.jms.event-topic", EVENTS)
                .config("sourceflow.jms.routed-events", "*")
                .config("sourceflow.jms.consumer", "a")
                .config("sourceflow.jms.trust-principal", "true")
                .beans(AccountSaga.class, Observed.class)
                .start());
        b = closer.add(TestServer.named("cross_b").jpa().jms(factory).telemetry(telemetry.openTelemetry())
                .config("sourceflow.jms.command-queue", COMMANDS)
                .config("sourceflow.jms.event-topic", EVENTS)
                .config("sourceflow.jms.routed-commands", "*")
                .config("sourceflow.jms.consumer", "b")
                .beans(AccountView.class, AccountSummaryView.class, Observed.class)
                .start());
    }

    @AfterAll
    void stop() throws Exception {
        closer.closeAll();
    }

    @BeforeEach
    void emptyDestinations() throws Exception {
        aCommands.drain(message -> { });
        bEvents.drain(message -> { });
        aEvents.drain(message -> { });
    }

    @Test
    void whoPublishedACommandOnBIsLoggedWithItOnAWhichTrustsItsSenders() throws Exception {
        // given
        Metadata byAlice = Metadata.create("x-9").withPrincipal("alice");
        b.get(CommandBus.class).publish(new Envelope<>(new CreateAccount(EntityRef.of("x-9").asNew(), "Xi", BigDecimal.ONE), byAlice));

        // when
        aCommands.drain(a.get(JmsInbound.class)::receive);

        // then
        assertThat(a.rows().query("SELECT metadata FROM sourceflow_command WHERE entity_id = 'x-9'")).singleElement()
                .satisfies(row -> assertThat((String) row.get(0)).contains("\"sourceflow.principal\":\"alice\""));
    }

    @Test
    void commandsPublishedOnBAreHandledAndLoggedOnAAndBsViewsShowTheResult() throws Exception {
        // given
        CommandBus bus = b.get(CommandBus.class);
        bus.publish(new CreateAccount(EntityRef.of("x-1").asNew(), "Xena", new BigDecimal("1000")));
        bus.publish(new DepositMoney(EntityRef.of("x-1"), new BigDecimal("500")));
        bus.publish(new WithdrawMoney(EntityRef.of("x-1"), new BigDecimal("200")));
        bus.publish(new DepositMoney(EntityRef.of("x-1"), new BigDecimal("100")));

        // when
        List<Delivery> commands = aCommands.drain(a.get(JmsInbound.class)::receive);
        List<Delivery> toB = bEvents.drain(b.get(JmsInbound.class)::receive);
        List<Delivery> events = toB.stream().filter(d -> !isStatus(d)).toList();

        // then
        assertThat(commands).hasSize(4).allSatisfy(d -> assertThat(d.committed()).isTrue());
        assertThat(toB).as("an event and a status for each command").hasSize(8);
        assertThat(events).hasSize(4).allSatisfy(d -> {
            assertThat(d.committed()).isTrue();
            assertThat(d.message().getStringProperty("JMSXGroupID")).isEqualTo("x-1");
        });
        assertThat(a.rows().query("SELECT sequence_no FROM sourceflow_command WHERE entity_id = 'x-1' ORDER BY sequence_no"))
                .extracting(row -> ((Number) row.get(0)).longValue()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(a.get(EntityStore.class).find(BankAccount.class, "x-1").orElseThrow().getBalance())
                .isEqualByComparingTo("1400");
        assertThat(b.get(ViewModelStore.class).find(AccountViewModel.class, "x-1").orElseThrow())
                .satisfies(view -> assertThat(view.currentBalance()).isEqualByComparingTo("1400"))
                .satisfies(view -> assertThat(view.transactionCount()).isEqualTo(3));
        assertThat(b.rows().value("SELECT balance FROM bank_account_summary WHERE id = 'x-1'"))
                .satisfies(balance -> assertThat((BigDecimal) balance).isEqualByComparingTo("1400"));
        assertThat(b.get(EntityStore.class).find(BankAccount.class, "x-1")).isEmpty();
    }

    @Test
    void anEventIsObservedAfterTheCommitOnTheServerThatRaisedItNotWhereItIsReceived() throws Exception {
        // given
        CommandBus bus = b.get(CommandBus.class);
        bus.publish(new CreateAccount(EntityRef.of("x-6").asNew(), "Xia", new BigDecimal("10")));
        bus.publish(new DepositMoney(EntityRef.of("x-6"), new BigDecimal("5")));
        List<BigDecimal> onABefore = a.get(Observed.class).balances();

        // when: A handles the commands and B projects their events
        aCommands.drain(a.get(JmsInbound.class)::receive);
        bEvents.drain(b.get(JmsInbound.class)::receive);

        // then: A's observer saw the deposit's update once; B's saw none
        assertThat(a.get(Observed.class).balances()).hasSize(onABefore.size() + 1).last()
                .satisfies(balance -> assertThat(balance).isEqualByComparingTo("15"));
        assertThat(b.get(Observed.class).balances()).isEmpty();
    }

    @Test
    void theSenderLearnsWhatBecameOfItsCommandsFromTheStatusesTheHandlingServerSendsBack() throws Exception {
        // given
        CommandBus bus = b.get(CommandBus.class);
        Metadata opened = bus.publish(new CreateAccount(EntityRef.of("x-5").asNew(), "Xu", BigDecimal.TEN));
        Metadata overdraft = bus.publish(new WithdrawMoney(EntityRef.of("x-5"), new BigDecimal("11")));
        CommandStatuses onB = b.get(CommandStatuses.class);
        assertThat(onB.find(overdraft.messageId())).get().extracting(CommandStatus::state).isEqualTo(CommandStatus.State.ACCEPTED);

        // when
        List<Delivery> handledOnA = aCommands.drain(a.get(JmsInbound.class)::receive);
        List<Delivery> toB = bEvents.drain(b.get(JmsInbound.class)::receive);
        List<Delivery> toA = aEvents.drain(a.get(JmsInbound.class)::receive);

        // then
        assertThat(handledOnA).extracting(Delivery::committed).containsExactly(true, false, true);
        assertThat(toB).extracting(d -> d.message().getStringProperty("sourceflow_type"))
                .containsExactly("bank.AccountCreated", Statuses.TYPE, Statuses.TYPE);
        assertThat(toB).allSatisfy(d -> assertThat(d.committed()).isTrue());
        assertThat(toA).as("A skips its own event and the statuses sent to B").hasSize(3)
                .allSatisfy(d -> assertThat(d.committed()).isTrue());
        for (TestServer server : List.of(a, b)) {
            CommandStatuses statuses = server.get(CommandStatuses.class);
            assertThat(statuses.find(opened.messageId())).get().satisfies(status -> {
                assertThat(status.state()).isEqualTo(CommandStatus.State.APPLIED);
                assertThat(status.sequenceNo()).isEqualTo(1);
            });
            assertThat(statuses.find(overdraft.messageId())).get().satisfies(status -> {
                assertThat(status.state()).isEqualTo(CommandStatus.State.REJECTED);
                assertThat(status.problem()).isEqualTo("Account x-5 holds 10, cannot withdraw 11");
                assertThat(status.messageType()).isEqualTo("bank.WithdrawMoney");
                assertThat(status.entityId()).isEqualTo("x-5");
            });
        }
        assertThat(b.get(ViewModelStore.class).find(AccountViewModel.class, "x-5").orElseThrow().currentBalance())
                .isEqualByComparingTo("10");
    }

    @Test
    void theReceiveSpanIsAChildOfTheSendSpanAndParentOfTheReceiversWork() throws Exception {
        // given
        b.get(CommandBus.class).publish(new CreateAccount(EntityRef.of("x-2").asNew(), "Xavi", BigDecimal.TEN));
        SpanData send = single(JmsTelemetry.SEND, "x-2");

        // when
        aCommands.drain(a.get(JmsInbound.class)::receive);

        // then
        SpanData receive = single(JmsTelemetry.RECEIVE, "x-2");
        assertThat(receive.getTraceId()).isEqualTo(send.getTraceId());
        assertThat(receive.getParentSpanId()).isEqualTo(send.getSpanId());
        SpanData publishedOnA = telemetry.spans().stream()
                .filter(s -> s.getName().equals("sourceflow.command.publish"))
                .filter(s -> s.getParentSpanId().equals(receive.getSpanId()))
                .findFirst().orElseThrow();
        assertThat(publishedOnA.getTraceId()).isEqualTo(send.getTraceId());
    }

    @Test
    void aReplayOnTheReceiverPublishesNoEvents() throws Exception {
        // given
        b.get(CommandBus.class).publish(new CreateAccount(EntityRef.of("x-3").asNew(), "Xia", BigDecimal.ONE));
        aCommands.drain(a.get(JmsInbound.class)::receive);
        assertThat(bEvents.drain(b.get(JmsInbound.class)::receive)).as("the event and the command's status").hasSize(2);

        // when
        long replayed = a.get(CommandBus.class).replay(EntityRef.of("x-3"));

        // then
        assertThat(replayed).isEqualTo(1);
        assertThat(bEvents.drain(b.get(JmsInbound.class)::receive)).isEmpty();
    }

    @Test
    void eventsAnApplicationSentItselfAndEventsNoLocalHandlerTakesAreAcknowledgedAndSkipped() throws Exception {
        // given
        b.get(CommandBus.class).publish(new CreateAccount(EntityRef.of("x-4").asNew(), "Xu", BigDecimal.ONE));
        aCommands.drain(a.get(JmsInbound.class)::receive);
        long ignoredBefore = telemetry.counter(JmsTelemetry.IGNORED);
        try (JMSContext context = factory.createContext()) {
            context.createProducer().setProperty("sourceflow_sender", "c").send(context.createTopic(EVENTS),
                    "{\"kind\":\"event\",\"type\":\"other.Thing\",\"metadata\":"
                            + a.get(JmsResources.class).serializer.serialize(Metadata.create("x-4")) + ",\"payload\":{}}");
        }

        // when
        List<Delivery> own = aEvents.drain(a.get(JmsInbound.class)::receive);

        // then: its own event, the command's status addressed to B, and the other application's event
        assertThat(own).hasSize(3).allSatisfy(d -> assertThat(d.committed()).isTrue());
        assertThat(a.rows().value("SELECT COUNT(*) FROM sourceflow_inbox")).satisfies(
                n -> assertThat(((Number) n).intValue()).isEqualTo(commandsReceivedByA()));
        assertThat(telemetry.counter(JmsTelemetry.IGNORED) - ignoredBefore).isEqualTo(1);
    }

    private static boolean isStatus(Delivery delivery) {
        try {
            return Statuses.TYPE.equals(delivery.message().getStringProperty("sourceflow_type"));
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A records only the commands it received in its inbox, never its own events. */
    private int commandsReceivedByA() {
        return ((Number) a.rows().value("SELECT COUNT(*) FROM sourceflow_command")).intValue();
    }

    /** The one span of this name about this entity. */
    private SpanData single(String name, String entityId) {
        List<SpanData> found = telemetry.spans().stream()
                .filter(s -> s.getName().equals(name))
                .filter(s -> entityId.equals(s.getAttributes().get(AttributeKey.stringKey("sourceflow.entity.id"))))
                .toList();
        assertThat(found).as(name + " spans about " + entityId).hasSize(1);
        return found.get(0);
    }
}
