package io.sourceflow.sample.topology;

import io.sourceflow.jms.JmsInbound;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes the events another server publishes on {@code jms/sourceflow/events} and enqueues each on
 * the local event queue, so that this server's views project them, in a transaction of its own;
 * the container acknowledges the message after it committed ({@code NOT_SUPPORTED}).
 *
 * <p>The subscription is durable, so events published while this server is down wait for it. Its
 * name and client id differ per server and are therefore the server's configuration, not set here
 * (on Liberty the activation spec {@code sourceflow-sample/EventListener}; see
 * {@code liberty-config/README.md}).
 */
@MessageDriven(name = "EventListener", activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/sourceflow/events"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EventListener implements MessageListener {

    @Inject
    JmsInbound inbound;

    @Override
    public void onMessage(Message message) {
        inbound.receive(message);
    }
}
