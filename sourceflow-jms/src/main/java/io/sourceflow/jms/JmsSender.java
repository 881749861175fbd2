package io.sourceflow.jms;

import io.sourceflow.CommandStatus;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import java.util.Map;
import java.util.UUID;

/**
 * Sends envelopes as JSON text messages, in the caller's JTA transaction when there is one (the
 * container's factory enlists the context). Besides the body, each message carries the properties
 * {@value #TYPE}, {@value #MESSAGE_ID}, {@value #SENDER}, {@value #GROUP} (the entity id, so that
 * brokers that honour it deliver one entity's messages in order to one consumer) and the W3C trace
 * context.
 */
@Singleton
class JmsSender {

    static final String TYPE = "sourceflow_type";
    static final String MESSAGE_ID = "sourceflow_message_id";
    static final String SENDER = "sourceflow_sender";
    static final String GROUP = "JMSXGroupID";
    static final String COMMAND_TYPE = "sourceflow.command.type";
    static final String EVENT_TYPE = "sourceflow.event.type";

    @Inject
    JmsResources resources;

    /** Sends an envelope to the command queue or the event topic. */
    void send(Envelope<?> envelope, boolean topic) {
        JmsSettings settings = resources.settings();
        String destination = topic ? settings.eventTopic() : settings.commandQueue();
        String alias = resources.types().aliasOf(envelope.message().getClass());
        String body = resources.codec().encode(envelope);
        Metadata metadata = envelope.metadata();
        JmsTelemetry.Step span = resources.telemetry().send(destination, topic ? EVENT_TYPE : COMMAND_TYPE, alias, metadata);
        try (JMSContext context = resources.connectionFactory().createContext()) {
            JMSProducer producer = producer(context, alias, metadata.messageId(), metadata.entityId())
                    .setJMSCorrelationID(metadata.correlationId().toString());
            span.inject(producer);
            producer.send(resources.destination(context, destination, topic), body);
        } catch (JMSRuntimeException e) {
            throw failed(span, new TransportException("Cannot send " + envelope.describe() + " to '" + destination
                    + "': " + e.getMessage(), e));
        } catch (RuntimeException e) {
            throw failed(span, e);
        } finally {
            span.end();
        }
    }

    /** Sends a command's status back to the application that sent the command, on the event topic. */
    void sendStatus(CommandStatus status, String to) {
        JmsSettings settings = resources.settings();
        try (JMSContext context = resources.connectionFactory().createContext()) {
            producer(context, Statuses.TYPE, status.messageId(), status.entityId()).setProperty(Statuses.FOR, to)
                    .send(resources.destination(context, settings.eventTopic(), true), resources.serializer().serialize(status));
        } catch (JMSRuntimeException e) {
            throw new TransportException("Cannot send the status of command " + status.messageId() + " to '"
                    + settings.eventTopic() + "': " + e.getMessage(), e);
        }
    }

    /** A producer with the properties every message carries: type, message id, sender and group (the entity). */
    private JMSProducer producer(JMSContext context, String type, UUID messageId, String entityId) {
        JMSProducer producer = context.createProducer()
                .setProperty(TYPE, type)
                .setProperty(MESSAGE_ID, messageId.toString())
                .setProperty(SENDER, resources.settings().consumer());
        if (entityId != null) {
            producer.setProperty(GROUP, entityId);
        }
        return producer;
    }

    /** Sends a parked message's body again, with its application properties, where it came from. */
    void resend(String body, Map<String, String> properties, String destination, boolean topic) {
        try (JMSContext context = resources.connectionFactory().createContext()) {
            JMSProducer producer = context.createProducer();
            properties.forEach(producer::setProperty);
            producer.send(resources.destination(context, destination, topic), body);
        } catch (JMSRuntimeException e) {
            throw new TransportException("Cannot send a dead letter again to '" + destination + "': " + e.getMessage(), e);
        }
    }

    private static RuntimeException failed(JmsTelemetry.Step span, RuntimeException e) {
        span.failed(e);
        return e;
    }
}
