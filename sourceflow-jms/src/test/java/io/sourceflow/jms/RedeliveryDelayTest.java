package io.sourceflow.jms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

/**
 * Why the brokers of the samples have no redelivery delay and sourceflow-jms backs off itself: with
 * a delay, Artemis sets the rolled-back message aside and hands its group's next message to the
 * consumer at once, so an entity's later command overtakes the earlier one; without one, the
 * rolled-back message goes back to the head of the queue and is delivered first.
 */
class RedeliveryDelayTest {

    @Test
    void withARedeliveryDelayTheGroupsNextMessageOvertakesTheRolledBackOne() throws Exception {
        assertThat(handledAfterARollback(500)).containsExactly("a-2", "a-1");
    }

    @Test
    void withoutARedeliveryDelayTheRolledBackMessageComesFirst() throws Exception {
        assertThat(handledAfterARollback(0)).containsExactly("a-1", "a-2");
    }

    /**
     * Sends a-1, rolls its first delivery back, sends a-2 of the same group, and returns the order in
     * which one consumer handled them.
     */
    private static List<String> handledAfterARollback(long redeliveryDelay) throws Exception {
        Configuration configuration = new ConfigurationImpl().setName("delay").setPersistenceEnabled(false)
                .setSecurityEnabled(false).setJMXManagementEnabled(false)
                .addAddressSetting("#", new AddressSettings().setRedeliveryDelay(redeliveryDelay).setMaxDeliveryAttempts(-1))
                .addQueueConfiguration(QueueConfiguration.of("delayed").setRoutingType(RoutingType.ANYCAST));
        configuration.addAcceptorConfiguration("in-vm", "vm://41");
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration);
        broker.start();
        List<String> handled = new ArrayList<>();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://41");
                Connection connection = factory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue("delayed"));
            MessageConsumer consumer = session.createConsumer(session.createQueue("delayed"));
            connection.start();
            send(session, producer, "a-1");
            assertThat(((TextMessage) consumer.receive(5_000)).getText()).isEqualTo("a-1");
            session.rollback();
            send(session, producer, "a-2");
            for (Message message = consumer.receive(5_000); message != null && handled.size() < 2; message = handled.size() < 2
                    ? consumer.receive(5_000) : null) {
                handled.add(((TextMessage) message).getText());
                session.commit();
            }
        } finally {
            broker.stop();
        }
        return handled;
    }

    private static void send(Session session, MessageProducer producer, String text) throws Exception {
        TextMessage message = session.createTextMessage(text);
        message.setStringProperty("JMSXGroupID", "a");
        producer.send(message);
        session.commit();
    }
}
