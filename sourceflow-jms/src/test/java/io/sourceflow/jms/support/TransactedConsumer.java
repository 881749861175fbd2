package io.sourceflow.jms.support;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.XAConnectionFactory;
import jakarta.jms.XAJMSContext;
import jakarta.transaction.TransactionManager;
import javax.transaction.xa.XAResource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What an MDB container does, on the calling thread. With container-managed transactions
 * ({@link #ofQueue}, {@link #ofSubscription}): for each message it begins a JTA transaction, enlists
 * the consumer's XA session, receives one message, calls the listener, and commits when the listener
 * returns or rolls back when it throws, so that the broker redelivers the message (with
 * {@code JMSXDeliveryCount} one higher); everything the listener does through enlisted resources
 * (database, further sends) shares that transaction. Without a transaction ({@link #acknowledging}, an
 * MDB with {@code NOT_SUPPORTED}, as Artemis's resource adapter runs it): the listener is called with
 * no transaction, and the message is acknowledged when it returns, recovered (delivered again) when
 * it throws.
 */
public final class TransactedConsumer implements AutoCloseable {

    /** At most this many deliveries per {@link #drain}, so that a listener that always fails cannot loop forever. */
    static final int MAX_DELIVERIES_PER_DRAIN = 200;

    private final JMSContext context;
    private final XAResource xa;
    private final JMSConsumer consumer;
    private final TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();

    private TransactedConsumer(XAConnectionFactory factory, Function<JMSContext, JMSConsumer> consumer) {
        XAJMSContext xaContext = factory.createXAContext();
        this.context = xaContext;
        this.xa = xaContext.getXAResource();
        this.consumer = consumer.apply(context);
    }

    private TransactedConsumer(ConnectionFactory factory, Function<JMSContext, JMSConsumer> consumer) {
        this.context = factory.createContext(JMSContext.CLIENT_ACKNOWLEDGE);
        this.xa = null;
        this.consumer = consumer.apply(context);
    }

    /**
     * A consumer that calls its listener without a transaction and acknowledges each message after
     * the listener returned.
     *
     * @param factory the broker's factory
     * @param queueOrTopic the queue's physical name, or the topic's
     * @param subscription the shared durable subscription's name, or {@code null} for a queue
     * @return the consumer; close it
     */
    public static TransactedConsumer acknowledging(ConnectionFactory factory, String queueOrTopic, String subscription) {
        return new TransactedConsumer(factory, c -> subscription == null ? c.createConsumer(c.createQueue(queueOrTopic))
                : c.createSharedDurableConsumer(c.createTopic(queueOrTopic), subscription));
    }

    /**
     * A consumer of a queue.
     *
     * @param factory the broker's XA factory
     * @param queue the queue's physical name
     * @return the consumer; close it
     */
    public static TransactedConsumer ofQueue(XAConnectionFactory factory, String queue) {
        return new TransactedConsumer(factory, c -> c.createConsumer(c.createQueue(queue)));
    }

    /**
     * A consumer of a shared durable subscription of a topic, as an MDB for events would use.
     *
     * @param factory the broker's XA factory
     * @param topic the topic's physical name
     * @param subscription the subscription's name
     * @return the consumer; close it
     */
    public static TransactedConsumer ofSubscription(XAConnectionFactory factory, String topic, String subscription) {
        return new TransactedConsumer(factory, c -> c.createSharedDurableConsumer(c.createTopic(topic), subscription));
    }

    /**
     * Delivers the next waiting message, if any, in a transaction of its own.
     *
     * @param listener what the MDB would do
     * @return what happened, or {@code null} when no message was waiting
     * @throws Exception when the transaction manager fails
     */
    public Delivery deliverNext(MessageListener listener) throws Exception {
        if (xa == null) {
            return acknowledgeNext(listener);
        }
        tm.begin();
        tm.getTransaction().enlistResource(xa);
        Message message = consumer.receiveNoWait();
        if (message == null) {
            tm.rollback();
            return null;
        }
        try {
            listener.onMessage(message);
        } catch (RuntimeException e) {
            tm.rollback();
            return new Delivery(message, e);
        }
        try {
            tm.commit();
        } catch (jakarta.transaction.RollbackException e) {
            return new Delivery(message, new IllegalStateException("The listener returned but the transaction rolled back", e));
        }
        return new Delivery(message, null);
    }

    private Delivery acknowledgeNext(MessageListener listener) throws JMSException {
        Message message = consumer.receiveNoWait();
        if (message == null) {
            return null;
        }
        try {
            listener.onMessage(message);
        } catch (RuntimeException e) {
            context.recover();
            return new Delivery(message, e);
        }
        message.acknowledge();
        return new Delivery(message, null);
    }

    /**
     * Delivers messages until none is waiting.
     *
     * @param listener what the MDB would do
     * @return every delivery, in order
     * @throws Exception when the transaction manager fails
     */
    public List<Delivery> drain(MessageListener listener) throws Exception {
        List<Delivery> deliveries = new ArrayList<>();
        for (Delivery d = deliverNext(listener); d != null; d = deliverNext(listener)) {
            deliveries.add(d);
            if (deliveries.size() >= MAX_DELIVERIES_PER_DRAIN) {
                throw new IllegalStateException("Still delivering after " + MAX_DELIVERIES_PER_DRAIN + " deliveries, the last one "
                        + d.message().getJMSMessageID() + " (delivery " + d.message().getIntProperty("JMSXDeliveryCount") + ")",
                        d.failure());
            }
        }
        return deliveries;
    }

    @Override
    public void close() {
        consumer.close();
        context.close();
    }

    /**
     * One delivery of a message.
     *
     * @param message the message
     * @param failure what the listener threw (the transaction was rolled back), or {@code null} (committed)
     */
    public record Delivery(Message message, RuntimeException failure) {

        /** @return whether the listener returned and the transaction committed */
        public boolean committed() {
            return failure == null;
        }
    }
}
