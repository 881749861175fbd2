package io.sourceflow.benchmarks.scaling;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** A plain Jakarta JMS client of the broker: puts the prepared messages on a queue, in one transaction. */
final class ScalingBroker implements AutoCloseable {

    private final ActiveMQConnectionFactory factory;

    private ScalingBroker(ActiveMQConnectionFactory factory) {
        this.factory = factory;
    }

    static ScalingBroker fromSystemProperties() {
        return new ScalingBroker(new ActiveMQConnectionFactory(System.getProperty("scaling.broker"),
                System.getProperty("scaling.broker.user"), System.getProperty("scaling.broker.password")));
    }

    void send(String queueName, List<Envelopes.Outgoing> messages) throws JMSException {
        try (JMSContext context = factory.createContext(JMSContext.SESSION_TRANSACTED)) {
            Queue queue = context.createQueue(queueName);
            JMSProducer producer = context.createProducer();
            for (Envelopes.Outgoing outgoing : messages) {
                TextMessage message = context.createTextMessage(outgoing.body());
                message.setStringProperty("JMSXGroupID", outgoing.group());
                producer.send(queue, message);
            }
            context.commit();
        }
    }

    @Override
    public void close() {
        factory.close();
    }
}
