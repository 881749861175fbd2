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
 * Takes the commands the other server routes here and publishes each on the local bus, as the
 * sample's topology does; the server's activation spec {@code sourceflow-sample/CommandListener}
 * decides whether it consumes at all.
 */
@MessageDriven(name = "CommandListener", activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/sourceflow/commands"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CommandListener implements MessageListener {

    @Inject
    JmsInbound inbound;

    @Override
    public void onMessage(Message message) {
        inbound.receive(message);
    }
}
