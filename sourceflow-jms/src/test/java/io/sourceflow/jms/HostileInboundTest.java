package io.sourceflow.jms;

import static io.sourceflow.jms.support.EmbeddedBroker.COMMANDS;
import static io.sourceflow.jms.support.EmbeddedBroker.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.Metadata;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.jms.fixtures.Limited;
import io.sourceflow.jms.support.Closer;
import io.sourceflow.jms.support.EmbeddedBroker;
import io.sourceflow.jms.support.TestServer;
import io.sourceflow.jms.support.TransactedConsumer;
import io.sourceflow.jms.support.TransactedConsumer.Delivery;
import io.sourceflow.jms.support.Validators;
import io.sourceflow.jms.support.XaConnectionFactory;
import io.sourceflow.spi.DeadLetter;
import jakarta.jms.JMSContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Messages a hostile or broken client puts on the command queue with a plain JMS client: each is
 * refused before it can do harm, parked with a reason that names what was wrong, stored whatever it
 * holds, and logged without forging a log line. {@code max-deliveries} is 1, so the first delivery parks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInboundTest {

    static final int MAX_SIZE = 4096;

    final Closer closer = new Closer();
    final List<LogRecord> logged = new ArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    Level level;
    XaConnectionFactory factory;
    TestServer server;
    TransactedConsumer commands;
    JmsInbound inbound;

    @BeforeAll
    void start() {
        EmbeddedBroker broker = closer.add(EmbeddedBroker.start("hostile", false));
        factory = closer.add(new XaConnectionFactory(broker.xaConnectionFactory()));
        commands = closer.add(TransactedConsumer.ofQueue(broker.xaConnectionFactory(), COMMANDS));
        server = closer.add(TestServer.named("hostile").jpa().jms(factory)
                .config("sourceflow.jms.command-queue", COMMANDS)
                .config("sourceflow.jms.event-topic", EVENTS)
                .config("sourceflow.jms.consumer", "h")
                .config("sourceflow.jms.max-deliveries", "1")
                .config("sourceflow.jms.max-message-size", Integer.toString(MAX_SIZE))
                .beans(AccountSaga.class, Limited.LimitSaga.class, Validators.class)
                .start());
        inbound = server.get(JmsInbound.class);
    }

    @AfterAll
    void stop() throws Exception {
        closer.closeAll();
    }

    @BeforeEach
    void captureLog() throws Exception {
        commands.drain(message -> { });
        logged.clear();
        Logger log = Logger.getLogger(JmsInbound.class.getName());
        level = log.getLevel();
        log.setLevel(Level.ALL);
        log.addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger log = Logger.getLogger(JmsInbound.class.getName());
        log.removeHandler(capture);
        log.setLevel(level);
    }

    @Test
    void anEntityIdWithALineBreakIsRefusedAndNeverStartsALogLine() throws Exception {
        String forged = "h-1\n[11/30/26] SEVERE forged line";
        String body = envelope("bank.CreateAccount", metadataWithEntity(forged), "{\"entity\":{\"id\":\"h-1\\n[11/30/26]"
                + " SEVERE forged line\",\"isNew\":true},\"accountName\":\"Hal\",\"initialAmount\":1}");

        DeadLetter letter = receiveAndPark(body);

        assertThat(letter.error()).contains("metadata cannot be read").contains("control character").contains("h-1\\n");
        assertThat(letter.entityId()).as("the metadata was not read").isNull();
        assertThat(logged).isNotEmpty().allSatisfy(r -> assertThat(new SimpleFormatter().formatMessage(r))
                .doesNotContain("\n"));
        assertThat(count("SELECT COUNT(*) FROM sourceflow_command")).isZero();
    }

    @Test
    void anEntityTypeWithALineBreakIsRefusedLikeAnEntityId() throws Exception {
        String metadata = server.get(JmsResources.class).serializer.serialize(Metadata.create("h-11").withEntityType("t"))
                .replace("\"entityType\":\"t\"", "\"entityType\":" + Json.quote("bank.Account\n[11/30/26] SEVERE forged"));
        String body = envelope("bank.CreateAccount", metadata,
                "{\"entity\":{\"id\":\"h-11\",\"isNew\":true},\"accountName\":\"Hal\",\"initialAmount\":1}");

        DeadLetter letter = receiveAndPark(body);

        assertThat(letter.error()).contains("metadata cannot be read").contains("entity type").contains("control character");
        assertThat(logged).isNotEmpty().allSatisfy(r -> assertThat(new SimpleFormatter().formatMessage(r))
                .doesNotContain("\n"));
        assertThat(count("SELECT COUNT(*) FROM sourceflow_command WHERE entity_id = 'h-11'")).isZero();
    }

    @Test
    void aBodyOverTheSizeLimitIsNotDecodedAndParkedCutAndCannotBeRedriven() throws Exception {
        String body = envelope("bank.CreateAccount", metadataWithEntity("h-2"), "{\"entity\":{\"id\":\"h-2\",\"isNew\":true},"
                + "\"accountName\":\"" + "x".repeat(2 * MAX_SIZE) + "\",\"initialAmount\":1}");

        DeadLetter letter = receiveAndPark(body);

        assertThat(letter.error()).contains("more than " + MAX_SIZE + " bytes").contains("sourceflow.jms.max-message-size");
        assertThat(letter.body()).hasSize(MAX_SIZE).isEqualTo(body.substring(0, MAX_SIZE));
        assertThat(letter.headers()).containsEntry(Letters.BODY_CHANGED, "the first " + MAX_SIZE + " of " + body.length()
                + " characters");
        assertThatThrownBy(() -> server.get(DeadLetters.class).redrive(letter.id()))
                .isInstanceOf(DeadLetterNotRedrivableException.class).hasMessageContaining(letter.id())
                .hasMessageContaining("cannot be sent again");
    }

    @Test
    void multiByteCharactersCountInBytesOfUtf8() throws Exception {
        // 1,500 characters of three bytes each: under the limit in characters, over it in bytes
        String body = envelope("bank.CreateAccount", metadataWithEntity("h-3"), "{\"entity\":{\"id\":\"h-3\",\"isNew\":true},"
                + "\"accountName\":\"" + "\u20ac".repeat(1500) + "\",\"initialAmount\":1}");
        assertThat(body.length()).isLessThan(MAX_SIZE);

        DeadLetter letter = receiveAndPark(body);

        assertThat(letter.error()).contains("more than " + MAX_SIZE + " bytes");
        assertThat(letter.body()).isEqualTo(body);
    }

    @Test
    void jsonNestedDeeperThanTheLimitIsRefusedBeforeItIsBound() throws Exception {
        String nested = "[".repeat(1000) + "]".repeat(1000);
        String body = envelope("bank.CreateAccount", metadataWithEntity("h-4"), "{\"entity\":{\"id\":\"h-4\",\"isNew\":true},"
                + "\"accountName\":\"Hal\",\"initialAmount\":1,\"extra\":" + nested + "}");

        DeadLetter letter = receiveAndPark(body);

        assertThat(letter.error()).contains("nested deeper than " + Json.MAX_DEPTH).doesNotContain("StackOverflowError");
    }

    @Test
    void aCommandWithoutAnEntityIsRefusedWithAReasonThatSaysSo() throws Exception {
        String body = envelope("bank.CreateAccount", metadataWithEntity("h-5"), "{\"accountName\":\"Hal\",\"initialAmount\":1}");

        DeadLetter letter = receiveAndPark(body);

        assertThat(letter.error()).contains("has no entity").contains("bank.CreateAccount").contains("h-5")
                .doesNotContain("NullPointerException");
    }

    @Test
    void anUnknownAliasLongerThanItsColumnIsStoredCut() throws Exception {
        String body = envelope("a".repeat(300), metadataWithEntity("h-6"), "{}");

        DeadLetter letter = receiveAndPark(body);

        assertThat(letter.typeAlias()).isEqualTo("a".repeat(255));
        assertThat(letter.body()).isEqualTo(body);
        assertThat(letter.headers()).doesNotContainKey(Letters.BODY_CHANGED);
        assertThat(letter.error()).contains("UnknownMessageTypeException").contains("more characters");
    }

    @Test
    void aNulCharacterInTheBodyIsStoredReplacedAndTheLetterSaysSo() throws Exception {
        String body = "{\"kind\":\"command\",\"type\":\"bank.Create\u0000Account\"}";

        DeadLetter letter = receiveAndPark(body);

        assertThat(letter.body()).isEqualTo(body.replace('\u0000', '\ufffd'));
        assertThat(letter.headers()).containsEntry(Letters.BODY_CHANGED,
                "NUL characters or unpaired surrogates replaced by U+FFFD");
        assertThat(letter.error()).contains("MessageFormatException").contains("no control character");
    }

    @Test
    void aCommandThatBreaksItsBeanValidationConstraintsIsRefusedNamingEachOne() throws Exception {
        String body = envelope("test.SetLimit", metadataWithEntity("h-7"),
                "{\"entity\":{\"id\":\"h-7\",\"isNew\":true},\"name\":\" \",\"amount\":-1}");

        DeadLetter letter = receiveAndPark(body);

        assertThat(letter.error()).contains("breaks the constraints of " + Limited.SetLimit.class.getName())
                .contains("amount must be greater than 0").contains("name must not be blank");
        assertThat(count("SELECT COUNT(*) FROM sourceflow_command WHERE entity_id = 'h-7'")).isZero();
    }

    @Test
    void aNumberItsFieldCannotHoldIsRefusedNotChanged() throws Exception {
        String body = envelope("test.SetLimit", metadataWithEntity("h-8"),
                "{\"entity\":{\"id\":\"h-8\",\"isNew\":true},\"name\":\"n\",\"amount\":2147483648}");

        String truncated = envelope("test.SetLimit", metadataWithEntity("h-8"),
                "{\"entity\":{\"id\":\"h-8\",\"isNew\":true},\"name\":\"n\",\"amount\":1.9}");

        DeadLetter overflow = receiveAndPark(body);
        DeadLetter cut = receiveAndPark(truncated);

        assertThat(overflow.error()).contains("has a number its field cannot hold: payload.amount = 2147483648 was read as"
                + " -2147483648");
        assertThat(cut.error()).contains("payload.amount = 1.9 was read as 1");
        assertThat(count("SELECT COUNT(*) FROM sourceflow_command WHERE entity_id = 'h-8'")).isZero();
    }

    @Test
    void aValidCommandPassesTheChecks() throws Exception {
        String body = envelope("test.SetLimit", metadataWithEntity("h-9"),
                "{\"entity\":{\"id\":\"h-9\",\"isNew\":true},\"name\":\"n\",\"amount\":7}");
        try (JMSContext context = factory.createContext()) {
            context.createProducer().send(context.createQueue(COMMANDS), body);
        }

        assertThat(commands.drain(inbound::receive)).singleElement().satisfies(d -> assertThat(d.committed()).isTrue());

        assertThat(count("SELECT COUNT(*) FROM sourceflow_command WHERE entity_id = 'h-9'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM sourceflow_dead_letter WHERE entity_id = 'h-9'")).isZero();
    }

    private DeadLetter receiveAndPark(String body) throws Exception {
        try (JMSContext context = factory.createContext()) {
            context.createProducer().send(context.createQueue(COMMANDS), body);
        }
        List<Delivery> deliveries = commands.drain(inbound::receive);
        assertThat(deliveries).singleElement().satisfies(d -> assertThat(d.committed()).as("parked and acknowledged").isTrue());
        String transportId = deliveries.get(0).message().getJMSMessageID();
        List<DeadLetter> letters = server.get(DeadLetters.class).list(true, 1000);
        return letters.stream().filter(l -> Objects.equals(l.headers().get("JMSMessageID"), transportId)).findFirst()
                .orElseThrow(() -> new AssertionError("not parked: " + transportId));
    }

    private static String envelope(String alias, String metadata, String payload) {
        return "{\"kind\":\"command\",\"type\":" + Json.quote(alias) + ",\"metadata\":" + metadata + ",\"payload\":" + payload
                + "}";
    }

    /** Metadata as JSON, with any entity id (also one Metadata itself would refuse). */
    private String metadataWithEntity(String entityId) {
        String valid = server.get(JmsResources.class).serializer.serialize(Metadata.create("placeholder"));
        return valid.replace("\"placeholder\"", Json.quote(entityId));
    }

    private int count(String sql) {
        return ((Number) server.rows().value(sql)).intValue();
    }
}
