package io.sourceflow.jms.support;

import jakarta.jms.JMSConsumer;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.XAConnectionFactory;
import jakarta.jms.XAJMSContext;
import jakarta.transaction.TransactionManager;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What an MDB container does with container-managed transactions, on the calling thread: for each
 * message it begins a JTA transaction, enlists the consumer's XA session, receives one message,
 * calls the listener, and commits when the listener returns or rolls back when it throws, so that
 * the broker redelivers the message (with {@code JMSXDeliveryCount} one higher). Everything the
 * listener does through enlisted resources (database, further sends) shares that transaction.
 */
public final class TransactedConsumer implements AutoCloseable {

    /** At most this many deliveries per {@link #drain}, so that a listener that always fails cannot loop forever. */
    static final int MAX_DELIVERIES_PER_DRAIN = 200;

    private final XAJMSContext context;
    private final JMSConsumer consumer;
    private final TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();

    private TransactedConsumer(XAConnectionFactory factory, Function<XAJMSContext, JMSConsumer> consumer) {
        this.context = factory.createXAContext();
        this.consumer = consumer.apply(context);
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
        tm.begin();
        tm.getTransaction().enlistResource(context.getXAResource());
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
                throw new IllegalStateException("Still delivering after " + MAX_DELIVERIES_PER_DRAIN + " deliveries");
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
