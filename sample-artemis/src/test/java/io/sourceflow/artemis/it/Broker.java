package io.sourceflow.artemis.it;

import static org.awaitility.Awaitility.await;

import io.sourceflow.sample.tokens.TestKeys;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The standalone broker the build started (see the module's pom.xml and src/test/broker/broker.sh):
 * a plain Jakarta JMS client to it, its management attributes through Jolokia, and stop/start.
 */
final class Broker {

    /** The command queue's address and queue name on the broker. */
    static final String COMMANDS = "sourceflow.commands";

    private static final String QUEUE_MBEAN = "org.apache.activemq.artemis:broker=%22127.0.0.1%22,component=addresses,"
            + "address=%22" + COMMANDS + "%22,subcomponent=queues,routing-type=%22anycast%22,queue=%22" + COMMANDS + "%22";

    private static final String VIEWS_MBEAN = "org.apache.activemq.artemis:broker=%22127.0.0.1%22,component=addresses,"
            + "address=%22sourceflow.events%22,subcomponent=queues,routing-type=%22multicast%22,queue=%22"
            + System.getProperty("art.consumer", "sourceflow-bank") + "-views%22";

    private static final String EVENTS_MBEAN = "org.apache.activemq.artemis:broker=%22127.0.0.1%22,component=addresses,"
            + "address=%22sourceflow.events%22";

    private Broker() {
    }

    /**
     * One message for the command queue.
     *
     * @param group its JMSXGroupID (the entity id)
     * @param body SourceFlow's envelope
     */
    record Outgoing(String group, String body) {
    }

    /** Sends the messages in this order, in one local transaction. */
    static void send(List<Outgoing> messages) {
        try (ActiveMQConnectionFactory factory = factory(); JMSContext context = factory.createContext(JMSContext.SESSION_TRANSACTED)) {
            Queue queue = context.createQueue(COMMANDS);
            JMSProducer producer = context.createProducer();
            for (Outgoing outgoing : messages) {
                TextMessage message = context.createTextMessage(outgoing.body());
                message.setStringProperty("JMSXGroupID", outgoing.group());
                producer.send(queue, message);
            }
            context.commit();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    static ActiveMQConnectionFactory factory() {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url(), user(), password());
        factory.setReconnectAttempts(0);
        return factory;
    }

    /** The broker's acceptor, with TLS trusting the build's certificate (sample-tokens, target/jwt/trust.p12). */
    static String url() {
        return "tcp://127.0.0.1:" + System.getProperty("art.broker.port", "19361") + "?sslEnabled=true&trustStoreType=PKCS12"
                + "&trustStorePath=" + TestKeys.ofBuild().resolve(TestKeys.TRUST_STORE).toAbsolutePath()
                + "&trustStorePassword=" + keystorePassword();
    }

    /** The command queue's current consumer count (MDB sessions connected). */
    static int consumerCount() {
        return jolokia("read/" + QUEUE_MBEAN + "/ConsumerCount").getJsonNumber("value").intValue();
    }

    /** Messages on the command queue, delivered or not, not yet acknowledged. */
    static int viewConsumerCount() {
        return jolokia("read/" + VIEWS_MBEAN + "/ConsumerCount").getJsonNumber("value").intValue();
    }

    /** Messages waiting in the views' shared subscription. */
    static long viewMessageCount() {
        return jolokia("read/" + VIEWS_MBEAN + "/MessageCount").getJsonNumber("value").longValue();
    }

    static long messageCount() {
        return jolokia("read/" + QUEUE_MBEAN + "/MessageCount").getJsonNumber("value").longValue();
    }

    /** Transactions the broker holds prepared, waiting for their transaction manager's decision. */
    static int preparedTransactions() {
        return jolokia("exec/org.apache.activemq.artemis:broker=%22127.0.0.1%22/listPreparedTransactions")
                .getJsonArray("value").size();
    }

    /**
     * A message that one of the broker's prepared transactions sends or consumes (acknowledges): held
     * out of its queue until a transaction manager decides.
     *
     * @param receive whether the transaction consumes it (else it sends it)
     * @param messageId its {@code sourceflow_message_id}
     */
    record Prepared(boolean receive, String messageId) {
    }

    /** The SourceFlow messages of the broker's prepared transactions. */
    static List<Prepared> prepared() {
        String json = jolokia("exec/org.apache.activemq.artemis:broker=%22127.0.0.1%22/listPreparedTransactionDetailsAsJSON")
                .getString("value");
        List<Prepared> prepared = new ArrayList<>();
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            for (JsonValue tx : reader.readArray()) {
                for (JsonValue message : tx.asJsonObject().getOrDefault("tx_related_messages", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
                    JsonObject detail = message.asJsonObject();
                    JsonObject properties = detail.getJsonObject("message_properties");
                    if (properties.containsKey("sourceflow_message_id")) {
                        prepared.add(new Prepared(detail.getString("message_operation_type", "").contains("receive"),
                                properties.getString("sourceflow_message_id")));
                    }
                }
            }
        }
        return prepared;
    }

    /** Whether the broker's management answers (it runs). */
    static boolean answers() {
        try {
            consumerCount();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Messages the command queue has taken since the broker started. */
    static long messagesAdded() {
        return jolokia("read/" + QUEUE_MBEAN + "/MessagesAdded").getJsonNumber("value").longValue();
    }

    /** Messages the event address has taken since the broker started (routed to a subscription or not). */
    static long eventsTaken() {
        return jolokia("read/" + EVENTS_MBEAN + "/RoutedMessageCount").getJsonNumber("value").longValue()
                + jolokia("read/" + EVENTS_MBEAN + "/UnRoutedMessageCount").getJsonNumber("value").longValue();
    }

    /**
     * The command queue's message groups: group id → the consumer it is pinned to, named by its
     * session (a consumer id alone is numbered within its session).
     *
     * @return the group ids with the session of the consumer each one is pinned to
     */
    static Map<String, String> groups() {
        String json = jolokia("exec/" + QUEUE_MBEAN + "/listGroupsAsJSON").getString("value");
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonArray groups = reader.readArray();
            LinkedHashMap<String, String> pinned = new LinkedHashMap<>();
            for (JsonValue value : groups) {
                JsonObject group = value.asJsonObject();
                pinned.put(group.getString("groupID"), group.get("sessionID") + "/" + group.get("consumerID"));
            }
            return pinned;
        }
    }

    private static JsonObject jolokia(String path) {
        URI uri = URI.create("http://127.0.0.1:" + System.getProperty("art.broker.http.port", "19362") + "/console/jolokia/" + path);
        String credentials = Base64.getEncoder().encodeToString((user() + ":" + password()).getBytes(StandardCharsets.UTF_8));
        Http.Reply reply = Http.get(uri, Map.of("Authorization", "Basic " + credentials, "Origin", "http://127.0.0.1"));
        if (reply.status() != 200) {
            throw new IllegalStateException("Jolokia " + path + ": " + reply);
        }
        JsonObject answer = reply.json();
        if (answer.getInt("status", 0) != 200) {
            throw new IllegalStateException("Jolokia " + path + ": " + answer);
        }
        return answer;
    }

    /** Stops the broker (as an operator would: TERM, the broker shuts down cleanly). */
    static void stop() throws IOException, InterruptedException {
        script("stop");
    }

    /** Starts it again and waits until it is active and its management (Jolokia) answers. */
    static void start() throws IOException, InterruptedException {
        script("start");
        // the web console comes up a little after the broker reports itself active
        await("the broker's management answers").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(Broker::answers);
    }

    private static void script(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", System.getProperty("art.broker.script"), command,
                System.getProperty("art.broker.instance")).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("broker " + command + " did not finish in 3 minutes");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("broker " + command + " failed: exit " + process.exitValue());
        }
    }

    static String user() {
        return System.getProperty("art.broker.user", "sourceflow");
    }

    /** The broker account's password: the build's random one (sample-tokens, target/jwt/server.env). */
    static String password() {
        try {
            return TestKeys.messagingPassword(TestKeys.ofBuild());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String keystorePassword() {
        try {
            return TestKeys.keystorePassword(TestKeys.ofBuild());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
