package io.sourceflow.sample.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * JMS on WildFly's embedded Artemis, received by the deployed sample's {@code CommandListener} MDB:
 * commands sent to {@code jms/sourceflow/commands} in SourceFlow's wire format are logged once (the
 * inbox skips a second delivery of the same message id), a command that fails every delivery is
 * parked by SourceFlow after {@code sourceflow.jms.max-deliveries} (3) deliveries, before Artemis'
 * own limit (20, ../wildfly-config) would move it to the broker's dead-letter address, and a command
 * for an account that does not exist is recorded as rejected.
 *
 * <p>Runs inside the server, in a small archive of its own next to the sample (which consumes the
 * queue); it sends with the server's connection factory and reads the sample's tables through
 * {@code java:/jdbc/sourceflow}.
 */
@ExtendWith(ArquillianExtension.class)
class JmsInboundOnWildFlyIT {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @Resource(lookup = "java:/jms/sourceflow/ConnectionFactory")
    ConnectionFactory factory;
    @Resource(lookup = "java:/jms/sourceflow/commands")
    Queue commands;
    @Resource(lookup = "java:/jms/sourceflow/dead-letters")
    Queue brokerDeadLetters;
    @Resource(lookup = "java:/jdbc/sourceflow")
    DataSource database;

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "jms-inbound-it.war")
                .addClass(JmsInboundOnWildFlyIT.class)
                .addAsLibraries(jarOf(Assertions.class), jarOf(Awaitility.class), jarOf(Matcher.class));
    }

    @Test
    void sourceflowsRelativeJmsNamesResolveOnWildFly() throws NamingException {
        // sourceflow-jms looks its defaults up without "java:" (as Liberty binds them)
        InitialContext naming = new InitialContext();

        assertThat(naming.lookup("jms/sourceflow/ConnectionFactory")).isInstanceOf(ConnectionFactory.class);
        assertThat(naming.lookup("jms/sourceflow/commands")).isInstanceOf(Queue.class);
        assertThat(naming.lookup("jms/sourceflow/events")).isInstanceOf(jakarta.jms.Topic.class);
    }

    @Test
    void aSecondDeliveryOfTheSameCommandIsSkippedByTheInbox() {
        // given
        String id = "jms-" + UUID.randomUUID();
        String open = UUID.randomUUID().toString();
        String deposit = UUID.randomUUID().toString();
        String next = UUID.randomUUID().toString();

        // when: the deposit arrives twice, as two JMS messages with the same SourceFlow message id
        send(id, create(id, open, "100"), null);
        send(id, deposit(id, deposit, "5"), null);
        send(id, deposit(id, deposit, "5"), null);
        send(id, deposit(id, next, "1"), null);

        // then: logged once, and the command after it right behind it (one group: one consumer, in order)
        List<String> log = await("the log of " + id, () -> logOf(id), rows -> rows.size() >= 3);
        assertThat(log).hasSize(3);
        assertThat(log.get(0)).contains(open);
        assertThat(log.get(1)).contains(deposit);
        assertThat(log.get(2)).contains(next);
        assertThat(inboxHas(deposit)).isTrue();
    }

    @Test
    void aCommandThatFailsEveryDeliveryIsParkedBySourceFlowNotByTheBroker() {
        // given: a command of a type no server knows fails on every delivery
        String id = "jms-unknown-" + UUID.randomUUID();
        String messageId = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();

        // when
        send(id, envelope("bank.Nope", id, messageId, "{}"), marker);

        // then: a dead letter after the third delivery, naming the failure
        List<String> parked = await("dead letter " + messageId, () -> deadLetter(messageId), rows -> !rows.isEmpty());
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0)).startsWith("3|").contains(id).contains("UnknownMessageTypeException");
        // the message is gone from the queue (acknowledged with the parking) and never reached the broker's DLA
        assertThat(browse(commands, marker)).isZero();
        assertThat(browse(brokerDeadLetters, marker)).isZero();
        assertThat(logOf(id)).isEmpty();
    }

    @Test
    void aCommandForAnAccountThatDoesNotExistIsRejectedNotParked() {
        // given
        String id = "jms-missing-" + UUID.randomUUID();
        String messageId = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();

        // when
        send(id, deposit(id, messageId, "5"), marker);

        // then: recorded as rejected, with the reason; neither parked nor left to the broker
        List<String> status = await("status of " + messageId, () -> statusOf(messageId), rows -> !rows.isEmpty());
        assertThat(status).singleElement().asString().startsWith("REJECTED|").contains(id);
        assertThat(deadLetter(messageId)).isEmpty();
        assertThat(browse(commands, marker)).isZero();
        assertThat(browse(brokerDeadLetters, marker)).isZero();
        assertThat(logOf(id)).isEmpty();
    }

    // --- JMS

    private void send(String group, String envelope, String marker) {
        try (JMSContext context = factory.createContext()) {
            Message message = context.createTextMessage(envelope);
            message.setStringProperty("JMSXGroupID", group);
            if (marker != null) {
                message.setStringProperty("itMarker", marker);
            }
            context.createProducer().send(commands, message);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private int browse(Queue queue, String marker) {
        try (JMSContext context = factory.createContext(); QueueBrowser browser = context.createBrowser(queue,
                "itMarker = '" + marker + "'")) {
            return Collections.list(browser.getEnumeration()).size();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String create(String id, String messageId, String amount) {
        return envelope("bank.CreateAccount", id, messageId, "{\"accountName\":\"JMS\",\"entity\":{\"id\":\"" + id
                + "\",\"isNew\":true},\"initialAmount\":" + amount + "}");
    }

    private static String deposit(String id, String messageId, String amount) {
        return envelope("bank.DepositMoney", id, messageId, "{\"amount\":" + amount + ",\"entity\":{\"id\":\"" + id
                + "\",\"isNew\":false}}");
    }

    /** SourceFlow's wire format for a command (sourceflow-jms EnvelopeCodec). */
    private static String envelope(String type, String id, String messageId, String payload) {
        return "{\"kind\":\"command\",\"type\":\"" + type + "\",\"metadata\":{\"entityId\":\"" + id + "\",\"messageId\":\""
                + messageId + "\",\"correlationId\":\"" + messageId + "\",\"occurredOn\":\"" + Instant.now()
                + "\",\"origin\":\"LOCAL\",\"properties\":{},"
                + "\"replay\":false,\"sequenceNo\":0},\"payload\":" + payload + "}";
    }

    // --- the sample's tables

    /** The command log of an entity: each row's metadata (with its message id), in sequence. */
    private List<String> logOf(String id) {
        return rows("SELECT metadata FROM sourceflow_command WHERE entity_id = ? ORDER BY sequence_no", id);
    }

    private boolean inboxHas(String messageId) {
        return !rows("SELECT consumer FROM sourceflow_inbox WHERE message_id = ?", messageId).isEmpty();
    }

    /** The status of a command: "state|problem". */
    private List<String> statusOf(String messageId) {
        return rows("SELECT state, problem FROM sourceflow_command_status WHERE message_id = ?", messageId);
    }

    /** The dead letters of a message: "deliveryCount|entityId|error". */
    private List<String> deadLetter(String messageId) {
        return rows("SELECT delivery_count, entity_id, error FROM sourceflow_dead_letter WHERE message_id = ?", messageId);
    }

    private List<String> rows(String sql, String parameter) {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int c = 1; c <= columns; c++) {
                        row.append(c > 1 ? "|" : "").append(result.getString(c));
                    }
                    rows.add(row.toString());
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the condition holds; gives up after {@link #PATIENCE} (a bound for a broken server, not a measure). */
    private static <T> T await(String what, Supplier<T> probe, Predicate<T> condition) {
        return Awaitility.await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(probe::get, condition);
    }

    private static File jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
