package io.sourceflow.sample.messaging;

import io.sourceflow.jms.JmsInbound;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes the commands other servers route to this one ({@code jms/sourceflow/commands}) and
 * publishes each on the local command bus, where it is logged, sequenced and handled, in the
 * container-managed transaction that also acknowledges the message.
 *
 * <p>Only standard activation properties are set here, so the bean deploys unchanged on any Jakarta
 * EE server; concurrency, redelivery and whether the bean consumes at all are the server's
 * configuration (on Liberty the activation spec {@code sourceflow-sample/CommandListener}).
 */
@MessageDriven(name = "CommandListener", activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/sourceflow/commands"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")})
public class CommandListener implements MessageListener {

    @Inject
    JmsInbound inbound;

    @Override
    public void onMessage(Message message) {
        inbound.receive(message);
    }
}
