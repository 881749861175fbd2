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
 * What sourceflow-jms relies on when it lets the broker delay the redelivery of a transient failure:
 * Artemis, with a redelivery delay, does not hand an entity's later messages (same {@code JMSXGroupID})
 * to any consumer before the delayed one, so the entity's order holds.
 */
class RedeliveryDelayTest {

    @Test
    void aDelayedRedeliveryIsNotOvertakenByTheLaterMessagesOfItsGroup() throws Exception {
        Configuration configuration = new ConfigurationImpl().setName("delay").setPersistenceEnabled(false)
                .setSecurityEnabled(false).setJMXManagementEnabled(false)
                .addAddressSetting("#", new AddressSettings().setRedeliveryDelay(500).setMaxDeliveryAttempts(-1))
                .addQueueConfiguration(QueueConfiguration.of("delayed").setRoutingType(RoutingType.ANYCAST));
        configuration.addAcceptorConfiguration("in-vm", "vm://41");
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration);
        broker.start();
        List<String> handled = new ArrayList<>();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://41");
                Connection connection = factory.createConnection()) {
            Session sender = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = sender.createProducer(sender.createQueue("delayed"));
            for (String text : List.of("a-1", "a-2", "b-1", "a-3")) {
                TextMessage message = sender.createTextMessage(text);
                message.setStringProperty("JMSXGroupID", text.substring(0, 1));
                producer.send(message);
            }
            sender.commit();
            List<Session> sessions = List.of(connection.createSession(true, Session.SESSION_TRANSACTED),
                    connection.createSession(true, Session.SESSION_TRANSACTED));
            List<MessageConsumer> consumers = new ArrayList<>();
            for (Session session : sessions) {
                consumers.add(session.createConsumer(session.createQueue("delayed")));
            }
            connection.start();
            boolean failedOnce = false;
            for (int round = 0; handled.size() < 4 && round < 200; round++) {
                for (int i = 0; i < 2; i++) {
                    Message message = consumers.get(i).receive(100);
                    if (message == null) {
                        continue;
                    }
                    String text = ((TextMessage) message).getText();
                    if (text.equals("a-1") && !failedOnce) {
                        failedOnce = true;
                        sessions.get(i).rollback();
                    } else {
                        handled.add(text);
                        sessions.get(i).commit();
                    }
                }
            }
        } finally {
            broker.stop();
        }

        assertThat(handled.stream().filter(text -> text.startsWith("a-"))).containsExactly("a-1", "a-2", "a-3");
        assertThat(handled).contains("b-1");
    }
}
