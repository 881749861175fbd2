package io.sourceflow.artemis.it;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A durable subscription of the test's own on the event topic: it keeps a copy of every event the
 * servers publish from its creation on, whoever else consumes them, until it is deleted.
 */
final class EventProbe implements AutoCloseable {

    private static final String TOPIC = "sourceflow.events";

    private final String name;

    private EventProbe(String name) {
        this.name = name;
    }

    /** Creates the subscription (or finds it from an earlier run, emptied). */
    static EventProbe subscribe(String name) {
        EventProbe probe = new EventProbe(name);
        probe.bodies();
        return probe;
    }

    /** The bodies of the events published since the last call, in the order received. */
    List<String> bodies() {
        List<String> bodies = new ArrayList<>();
        try (ActiveMQConnectionFactory factory = Broker.factory(); JMSContext context = factory.createContext();
                JMSConsumer consumer = context.createSharedDurableConsumer(topic(context), name)) {
            for (Message message = consumer.receive(1_000); message != null; message = consumer.receive(1_000)) {
                bodies.add(((TextMessage) message).getText());
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
        return bodies;
    }

    /** Deletes the subscription. */
    @Override
    public void close() {
        try (ActiveMQConnectionFactory factory = Broker.factory(); JMSContext context = factory.createContext()) {
            context.unsubscribe(name);
        }
    }

    private static Topic topic(JMSContext context) {
        return context.createTopic(TOPIC);
    }
}
