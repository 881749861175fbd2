package io.sourceflow.artemis.ra;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.XAConnection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.transaction.xa.Xid;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQXAConnectionFactory;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;

/**
 * A persistent Artemis broker in the test JVM (in-VM only, server id 0) with one queue and one user;
 * it can be restarted on the same journal, as after a crash of its clients' sessions.
 */
final class TestBroker implements AutoCloseable {

    static final String QUEUE = "orders";
    static final String USER = "sourceflow";
    static final String PASSWORD = "secret";
    private static final String URL = "vm://0";

    private final Configuration configuration;
    private final List<ActiveMQConnectionFactory> factories = new ArrayList<>();
    private EmbeddedActiveMQ server;

    private TestBroker(Configuration configuration) {
        this.configuration = configuration;
    }

    static TestBroker start(Path data) throws Exception {
        Configuration configuration = new ConfigurationImpl().setName("ra-test").setPersistenceEnabled(true)
                .setSecurityEnabled(true).setJMXManagementEnabled(false).setJournalType(JournalType.NIO)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setLargeMessagesDirectory(data.resolve("large").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .addAddressSetting("#", new AddressSettings().setDeadLetterAddress(SimpleString.of("DLQ"))
                        .setExpiryAddress(SimpleString.of("ExpiryQueue")))
                .addQueueConfiguration(QueueConfiguration.of(QUEUE).setRoutingType(RoutingType.ANYCAST));
        configuration.addAcceptorConfiguration("in-vm", URL);
        TestBroker broker = new TestBroker(configuration);
        broker.startServer();
        return broker;
    }

    /** Stops the broker under its clients' feet and starts it again on the same journal. */
    void restart() throws Exception {
        server.stop();
        startServer();
    }

    List<Xid> preparedTransactions() throws Exception {
        return server.getActiveMQServer().getResourceManager().getPreparedTransactions();
    }

    long messageCount() {
        return server.getActiveMQServer().locateQueue(QUEUE).getMessageCount();
    }

    void send(String text) throws JMSException {
        try (Connection connection = factory(new ActiveMQConnectionFactory(URL)).createConnection(USER, PASSWORD);
                Session session = connection.createSession()) {
            session.createProducer(session.createQueue(QUEUE)).send(session.createTextMessage(text));
        }
    }

    String receive() throws JMSException {
        try (Connection connection = factory(new ActiveMQConnectionFactory(URL)).createConnection(USER, PASSWORD);
                Session session = connection.createSession()) {
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
            connection.start();
            Message message = consumer.receive(5_000);
            return message == null ? null : message.getBody(String.class);
        }
    }

    XAConnection xaConnection() throws JMSException {
        return factory(new ActiveMQXAConnectionFactory(URL)).createXAConnection(USER, PASSWORD);
    }

    @Override
    public void close() throws Exception {
        factories.forEach(ActiveMQConnectionFactory::close);
        server.stop();
    }

    private <F extends ActiveMQConnectionFactory> F factory(F created) {
        factories.add(created);
        return created;
    }

    private void startServer() throws Exception {
        server = new EmbeddedActiveMQ();
        server.setConfiguration(configuration);
        server.setSecurityManager(new OneUser());
        server.start();
    }

    /** Lets {@link #USER} with {@link #PASSWORD} do anything, nobody else anything. */
    private static final class OneUser implements ActiveMQSecurityManager {
        @Override
        public boolean validateUser(String user, String password) {
            return USER.equals(user) && PASSWORD.equals(password);
        }

        @Override
        public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
            return validateUser(user, password);
        }
    }
}
