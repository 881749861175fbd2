package io.sourceflow.upgrade.server;

import io.sourceflow.jms.JmsInbound;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes the events the other server publishes and hands them to this server's views; the durable
 * subscription is the server's activation spec {@code sourceflow-sample/EventListener}.
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
