package io.sourceflow.jms;

import static io.sourceflow.jms.support.EmbeddedBroker.COMMANDS;
import static io.sourceflow.jms.support.EmbeddedBroker.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.Command;
import io.sourceflow.CommandStatus;
import io.sourceflow.CommandStatuses;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.Commands.CreateAccount;
import io.sourceflow.cdi.bank.Commands.WithdrawMoney;
import io.sourceflow.jms.fixtures.Flaky;
import io.sourceflow.jms.fixtures.Flaky.FlakyDeposit;
import io.sourceflow.jms.fixtures.Gated;
import io.sourceflow.jms.fixtures.Gated.GatedDeposit;
import io.sourceflow.jms.support.Closer;
import io.sourceflow.jms.support.EmbeddedBroker;
import io.sourceflow.jms.support.TestServer;
import io.sourceflow.jms.support.TestTelemetry;
import io.sourceflow.jms.support.TransactedConsumer;
import io.sourceflow.jms.support.TransactedConsumer.Delivery;
import io.sourceflow.jms.support.XaConnectionFactory;
import io.sourceflow.jpa.bank.Faults.DepositThenFail;
import io.sourceflow.jpa.bank.Faults.FaultySaga;
import io.sourceflow.jpa.bank.Names;
import io.sourceflow.spi.DeadLetter;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The receiving side: an MDB-like transacted consumer hands each message to {@link JmsInbound} in
 * an XA transaction spanning the broker and the H2 database. Commands go through the local bus,
 * duplicates are skipped, and poison messages are parked after three deliveries while the next
 * message is still processed; parked messages can be re-driven.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboundTest {

    final Closer closer = new Closer();
    final TestTelemetry telemetry = new TestTelemetry();
    XaConnectionFactory factory;
    TestServer server;
    TransactedConsumer commands;
    TransactedConsumer events;
    JmsInbound inbound;

    /** The name of the broker and, with {@code _a}, of the server. */
    String name() {
        return "inbound";
    }

    /**
     * How the container delivers: here with container-managed transactions, the message acknowledged
     * in the transaction that does the work.
     */
    TransactedConsumer consumer(EmbeddedBroker broker, String destination, String subscription) {
        return subscription == null ? TransactedConsumer.ofQueue(broker.xaConnectionFactory(), destination)
                : TransactedConsumer.ofSubscription(broker.xaConnectionFactory(), destination, subscription);
    }

    /** Whether a delivery runs in transactions of its own (the first one too), acknowledged after them. */
    boolean acknowledgedAfterwards() {
        return false;
    }

    @BeforeAll
    void start() {
        EmbeddedBroker broker = closer.add(EmbeddedBroker.start(name(), false));
        factory = closer.add(new XaConnectionFactory(broker.xaConnectionFactory()));
        commands = closer.add(consumer(broker, COMMANDS, null));
        events = closer.add(consumer(broker, EVENTS, "probe"));
        server = closer.add(TestServer.named(name() + "_a").jpa().jms(factory).telemetry(telemetry.openTelemetry())
                .config("sourceflow.jms.command-queue", COMMANDS)
                .config("sourceflow.jms.event-topic", EVENTS)
                .config("sourceflow.jms.routed-events", "*")
                .config("sourceflow.jms.consumer", "a")
                .config("sourceflow.jms.max-deliveries", "3")
                .config("sourceflow.jms.retry-delay", "PT0.01S")
                .beans(AccountSaga.class, FaultySaga.class, Gated.GatedSaga.class, Gated.Gate.class, Flaky.FlakySaga.class,
                        Flaky.Outage.class, Names.NamingSaga.class)
                .start());
        inbound = server.get(JmsInbound.class);
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
    void aCommandGoesThroughTheLocalBusAsRemoteIsLoggedHereAndItsEventsArePublished() throws Exception {
        // given
        Metadata sent = send(new CreateAccount(EntityRef.of("i-1").asNew(), "Ida", new BigDecimal("5.00")));

        // when
        List<Delivery> deliveries = commands.drain(inbound::receive);

        // then
        assertThat(deliveries).singleElement().satisfies(d -> assertThat(d.committed()).isTrue());
        List<List<Object>> logged = server.rows().query(
                "SELECT sequence_no, metadata FROM sourceflow_command WHERE entity_id = 'i-1'");
        assertThat(logged).singleElement().satisfies(row -> {
            assertThat(((Number) row.get(0)).longValue()).isEqualTo(1);
            assertThat((String) row.get(1)).contains("\"origin\":\"REMOTE\"").contains(sent.messageId().toString());
        });
        assertThat(events.drain(message -> { })).singleElement()
                .satisfies(d -> assertThat(d.message().getStringProperty("sourceflow_type")).isEqualTo("bank.AccountCreated"));
        assertThat(server.get(CommandStatuses.class).find(sent.messageId())).get()
                .satisfies(status -> assertThat(status.state()).isEqualTo(CommandStatus.State.APPLIED))
                .satisfies(status -> assertThat(status.sequenceNo()).isEqualTo(1))
                .satisfies(status -> assertThat(status.messageType()).isEqualTo("bank.CreateAccount"))
                .satisfies(status -> assertThat(status.entityId()).isEqualTo("i-1"));
    }

    @Test
    void aReceivedCommandsPrincipalIsDroppedWhereTheSendersAreNotTrusted() throws Exception {
        // given: another server (or anyone who can reach the queue) names a caller
        Metadata claimed = Metadata.create("i-9").withPrincipal("mallory");
        CreateAccount command = new CreateAccount(EntityRef.of("i-9").asNew(), "Ida", BigDecimal.ONE);
        sendRaw(codec().encode(new Envelope<>(command, claimed)), Map.of("JMSXGroupID", "i-9"));

        // when
        commands.drain(inbound::receive);

        // then
        assertThat(server.rows().query("SELECT metadata FROM sourceflow_command WHERE entity_id = 'i-9'")).singleElement()
                .satisfies(row -> assertThat((String) row.get(0)).doesNotContain("mallory").contains("\"properties\":{}"));
    }

    @Test
    void aCommandABusinessRuleRefusesIsRecordedAsRejectedAndNeitherParkedNorTriedAgain() throws Exception {
        // given
        long before = telemetry.counter(JmsTelemetry.REJECTED);
        send(new CreateAccount(EntityRef.of("i-8").asNew(), "Iris", BigDecimal.TEN));
        commands.drain(inbound::receive);
        events.drain(message -> { });
        Metadata overdraft = send(new WithdrawMoney(EntityRef.of("i-8"), new BigDecimal("11")));

        // when
        List<Delivery> deliveries = commands.drain(inbound::receive);
        sendRaw(codec().encode(new Envelope<>(new WithdrawMoney(EntityRef.of("i-8"), new BigDecimal("11")), overdraft)),
                Map.of());
        List<Delivery> again = commands.drain(inbound::receive);

        // then: under the MDB's transaction, the first delivery rolled back without an exception and the
        // second recorded the rejection; in transactions of its own, the first recorded it
        if (acknowledgedAfterwards()) {
            assertThat(deliveries).extracting(Delivery::committed).containsExactly(true);
        } else {
            assertThat(deliveries).extracting(Delivery::committed).containsExactly(false, true);
            assertThat(deliveries.get(0).failure()).hasMessageContaining("returned but the transaction rolled back");
        }
        assertThat(server.get(CommandStatuses.class).find(overdraft.messageId())).get().satisfies(status -> {
            assertThat(status.state()).isEqualTo(CommandStatus.State.REJECTED);
            assertThat(status.problem()).isEqualTo("Account i-8 holds 10, cannot withdraw 11");
            assertThat(status.messageType()).isEqualTo("bank.WithdrawMoney");
            assertThat(status.entityId()).isEqualTo("i-8");
            assertThat(status.sequenceNo()).isZero();
        });
        assertThat(telemetry.counter(JmsTelemetry.REJECTED) - before).isEqualTo(1);
        assertThat(server.rows().value("SELECT COUNT(*) FROM sourceflow_command WHERE entity_id = 'i-8'"))
                .satisfies(n -> assertThat(((Number) n).intValue()).isEqualTo(1));
        assertThat(server.get(DeadLetters.class).list(true, 100)).extracting(DeadLetter::messageId)
                .doesNotContain(overdraft.messageId().toString());
        assertThat(events.drain(message -> { })).as("no event, and no status for a sender without a name").isEmpty();
        assertThat(again).as("the same message again is a duplicate").singleElement()
                .satisfies(d -> assertThat(d.committed()).isTrue());
    }

    @Test
    void aDuplicateDeliveryIsAcknowledgedSkippedAndCounted() throws Exception {
        // given
        long before = telemetry.counter(JmsTelemetry.DUPLICATES);
        Envelope<CreateAccount> envelope = new Envelope<>(new CreateAccount(EntityRef.of("i-2").asNew(), "Ivo",
                BigDecimal.ONE), Metadata.create("i-2"));
        String body = codec().encode(envelope);
        sendRaw(body, Map.of());
        sendRaw(body, Map.of());

        // when
        List<Delivery> deliveries = commands.drain(inbound::receive);

        // then
        assertThat(deliveries).hasSize(2).allSatisfy(d -> assertThat(d.committed()).isTrue());
        assertThat(server.rows().value("SELECT COUNT(*) FROM sourceflow_command WHERE entity_id = 'i-2'"))
                .satisfies(n -> assertThat(((Number) n).intValue()).isEqualTo(1));
        assertThat(telemetry.counter(JmsTelemetry.DUPLICATES) - before).isEqualTo(1);
    }

    @Test
    void anUnknownAliasIsParkedAfterThreeDeliveriesAndTheNextMessageIsProcessed() throws Exception {
        // given
        long parkedBefore = telemetry.counter(JmsTelemetry.DEAD_LETTERS);
        Metadata poison = Metadata.create("i-3");
        String body = "{\"kind\":\"command\",\"type\":\"bank.Nope\",\"metadata\":" + codecSerialized(poison)
                + ",\"payload\":{}}";
        sendRaw(body, Map.of("sourceflow_type", "bank.Nope"));
        send(new CreateAccount(EntityRef.of("i-4").asNew(), "Isa", BigDecimal.ONE));

        // when
        List<Delivery> deliveries = commands.drain(inbound::receive);

        // then
        assertThat(deliveries).extracting(Delivery::committed).containsExactly(false, false, true, true);
        DeadLetter letter = parked(poison.messageId().toString());
        assertThat(letter.typeAlias()).isEqualTo("bank.Nope");
        assertThat(letter.entityId()).isEqualTo("i-3");
        assertThat(letter.body()).isEqualTo(body);
        assertThat(letter.deliveryCount()).isEqualTo(3);
        assertThat(letter.destination()).isEqualTo(COMMANDS);
        assertThat(letter.error()).contains("UnknownMessageTypeException").contains("bank.Nope");
        assertThat(letter.headers()).containsEntry("JMSXDeliveryCount", "3").containsEntry("sourceflow_type", "bank.Nope");
        assertThat(server.rows().value("SELECT COUNT(*) FROM sourceflow_command WHERE entity_id = 'i-4'"))
                .satisfies(n -> assertThat(((Number) n).intValue()).isEqualTo(1));
        assertThat(telemetry.counter(JmsTelemetry.DEAD_LETTERS) - parkedBefore).isEqualTo(1);
    }

    @Test
    void aTransientFailureIsNeverParkedAndTheMessageIsAppliedOnceItPasses() throws Exception {
        // given: an account, and a deposit whose handler loses its database connection five times
        long transientBefore = telemetry.counter(JmsTelemetry.TRANSIENT_FAILURES);
        long parkedBefore = telemetry.counter(JmsTelemetry.DEAD_LETTERS);
        send(new CreateAccount(EntityRef.of("i-7").asNew(), "Ivy", BigDecimal.TEN));
        server.get(Flaky.Outage.class).failNext(5);
        Metadata deposit = send(new FlakyDeposit(EntityRef.of("i-7"), BigDecimal.ONE));

        // when
        List<Delivery> deliveries = commands.drain(inbound::receive);

        // then: delivered until it passed (the third, fourth and fifth failed past max-deliveries), applied once
        assertThat(deliveries).extracting(Delivery::committed).containsExactly(true, false, false, false, false, false, true);
        assertThat(server.get(DeadLetters.class).list(true, 100)).extracting(DeadLetter::messageId)
                .doesNotContain(deposit.messageId().toString());
        assertThat(telemetry.counter(JmsTelemetry.DEAD_LETTERS) - parkedBefore).isZero();
        assertThat(telemetry.counter(JmsTelemetry.TRANSIENT_FAILURES) - transientBefore).isEqualTo(3);
        assertThat(server.rows().value("SELECT COUNT(*) FROM sourceflow_command WHERE entity_id = 'i-7'"))
                .satisfies(n -> assertThat(((Number) n).intValue()).isEqualTo(2));
    }

    @Test
    void aCommandBreakingAUniqueKeyOfTheApplicationsOwnTableIsParkedAndNotTakenForAConflict() throws Exception {
        // given: two accounts, the first named "dup"
        long transientBefore = telemetry.counter(JmsTelemetry.TRANSIENT_FAILURES);
        send(new CreateAccount(EntityRef.of("i-9").asNew(), "Ira", BigDecimal.TEN));
        send(new CreateAccount(EntityRef.of("i-10").asNew(), "Ian", BigDecimal.TEN));
        send(new Names.NameAccount(EntityRef.of("i-9"), "dup"));
        commands.drain(inbound::receive);
        Metadata second = send(new Names.NameAccount(EntityRef.of("i-10"), "dup"));

        // when
        List<Delivery> deliveries = commands.drain(inbound::receive);

        // then: delivered up to max-deliveries, then parked with the database's error (no other writer holds
        // the number it claimed), never paused and delivered again as a conflict would be; nothing kept
        assertThat(deliveries).extracting(Delivery::committed).containsExactly(false, false, true);
        DeadLetter letter = parked(second.messageId().toString());
        assertThat(letter.error()).doesNotContain("ConcurrencyException").doesNotContain("DuplicateKeyException")
                .containsIgnoringCase("named_account");
        assertThat(telemetry.counter(JmsTelemetry.TRANSIENT_FAILURES) - transientBefore).isZero();
        assertThat(server.rows().value("SELECT COUNT(*) FROM sourceflow_command WHERE entity_id = 'i-10'"))
                .satisfies(n -> assertThat(((Number) n).intValue()).isEqualTo(1));
    }

    @Test
    void malformedJsonIsParkedUnderItsTransportId() throws Exception {
        // given
        sendRaw("{\"kind\":\"command\",", Map.of());

        // when
        List<Delivery> deliveries = commands.drain(inbound::receive);

        // then
        assertThat(deliveries).hasSize(3);
        String transportId = deliveries.get(0).message().getJMSMessageID();
        DeadLetter letter = server.get(DeadLetters.class).list(false, 100).stream()
                .filter(l -> l.body().equals("{\"kind\":\"command\",")).findFirst().orElseThrow();
        assertThat(transportId).endsWith(letter.messageId());
        assertThat(letter.typeAlias()).isNull();
        assertThat(letter.error()).contains("MessageFormatException").contains("Malformed JSON");
    }

    @Test
    void aHandlerThatKeepsFailingIsParkedAndNothingItDidIsKept() throws Exception {
        // given
        send(new CreateAccount(EntityRef.of("i-5").asNew(), "Ina", BigDecimal.TEN));
        commands.drain(inbound::receive);
        events.drain(message -> { });
        Metadata failing = send(new DepositThenFail(EntityRef.of("i-5"), BigDecimal.ONE));

        // when
        List<Delivery> deliveries = commands.drain(inbound::receive);

        // then
        assertThat(deliveries).extracting(Delivery::committed).containsExactly(false, false, true);
        assertThat(parked(failing.messageId().toString()).error()).contains("the saga fails after raising an event");
        assertThat(server.rows().value("SELECT COUNT(*) FROM sourceflow_command WHERE entity_id = 'i-5'"))
                .satisfies(n -> assertThat(((Number) n).intValue()).isEqualTo(1));
        assertThat(events.drain(message -> { })).isEmpty();
    }

    @Test
    void aParkedMessageIsRedrivenOnceTheCauseIsFixed() throws Exception {
        // given
        Gated.Gate gate = server.get(Gated.Gate.class);
        gate.set(false);
        send(new CreateAccount(EntityRef.of("i-6").asNew(), "Ike", BigDecimal.TEN));
        Metadata gated = send(new GatedDeposit(EntityRef.of("i-6"), BigDecimal.ONE));
        commands.drain(inbound::receive);
        DeadLetter letter = parked(gated.messageId().toString());
        gate.set(true);

        // when
        DeadLetter redriven = server.get(DeadLetters.class).redrive(letter.id()).orElseThrow();
        List<Delivery> deliveries = commands.drain(inbound::receive);

        // then
        assertThat(redriven.redrivenOn()).isNotNull();
        assertThat(deliveries).singleElement().satisfies(d -> {
            assertThat(d.committed()).isTrue();
            assertThat(d.message().getStringProperty("JMSXGroupID")).isEqualTo("i-6");
        });
        assertThat(server.rows().value("SELECT COUNT(*) FROM sourceflow_command WHERE entity_id = 'i-6'"))
                .satisfies(n -> assertThat(((Number) n).intValue()).isEqualTo(2));
        assertThat(server.get(DeadLetters.class).list(false, 100)).extracting(DeadLetter::id).doesNotContain(letter.id());
        assertThatThrownBy(() -> server.get(DeadLetters.class).redrive(letter.id()))
                .isExactlyInstanceOf(DeadLetterAlreadyRedrivenException.class)
                .hasMessageContaining(letter.id()).hasMessageContaining("re-driven")
                .satisfies(e -> assertThat(((DeadLetterAlreadyRedrivenException) e).isTransient()).isFalse());
        assertThat(server.get(DeadLetters.class).redrive("no-such-letter")).isEmpty();
    }

    private DeadLetter parked(String messageId) {
        return server.get(DeadLetters.class).list(true, 100).stream().filter(l -> l.messageId().equals(messageId))
                .findFirst().orElseThrow(() -> new AssertionError("No dead letter for message " + messageId));
    }

    private EnvelopeCodec codec() {
        return server.get(JmsResources.class).codec();
    }

    private String codecSerialized(Metadata metadata) {
        return server.get(JmsResources.class).serializer.serialize(metadata);
    }

    /** Sends a command as another server's dispatcher would, outside any transaction. */
    Metadata send(Command command) {
        Metadata metadata = Metadata.create(command.entity().id());
        sendRaw(codec().encode(new Envelope<>(command, metadata)), Map.of("JMSXGroupID", command.entity().id()));
        return metadata;
    }

    private void sendRaw(String body, Map<String, String> properties) {
        try (JMSContext context = factory.createContext()) {
            JMSProducer producer = context.createProducer();
            properties.forEach(producer::setProperty);
            producer.send(context.createQueue(COMMANDS), body);
        }
    }
}
