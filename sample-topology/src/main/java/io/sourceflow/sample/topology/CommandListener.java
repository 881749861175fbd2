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
 * Takes the commands other servers route to this one ({@code jms/sourceflow/commands}) and
 * publishes each on the local command bus, where it is logged, sequenced and handled. Without a
 * container transaction ({@code NOT_SUPPORTED}): {@link JmsInbound} commits the work in a
 * transaction of its own, and the container acknowledges the message after {@code onMessage}
 * returned, so that a server dying in between leaves the message at the head of its entity's group
 * (under a container transaction the broker could hold it prepared while the entity's later commands
 * are applied elsewhere).
 *
 * <p>Only standard activation properties are set here, so the bean deploys unchanged on any Jakarta
 * EE server; concurrency, redelivery and whether the bean consumes at all are the server's
 * configuration (on Liberty the activation spec {@code sourceflow-sample/CommandListener}).
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
