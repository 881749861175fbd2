package io.sourceflow.jms;

import io.sourceflow.CommandStatus;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;
import io.sourceflow.spi.OutboxMessage;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Sends envelopes as JSON text messages, in the caller's JTA transaction when there is one (the
 * container's factory enlists the context), or keeps them in the outbox when the current delivery's
 * sends go there ({@link OutboxKeeper}). Besides the body, each message carries the properties
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
    /** The pseudo-property under which a kept message holds its JMSCorrelationID header. */
    private static final String CORRELATION = "JMSCorrelationID";

    @Inject
    JmsResources resources;
    @Inject
    OutboxKeeper outbox;

    /** Sends an envelope to the command queue or the event topic. */
    void send(Envelope<?> envelope, boolean topic) {
        JmsSettings settings = resources.settings();
        String destination = topic ? settings.eventTopic() : settings.commandQueue();
        String alias = resources.types().aliasOf(envelope.message().getClass());
        String body = resources.codec().encode(envelope);
        Metadata metadata = envelope.metadata();
        JmsTelemetry.Step span = resources.telemetry().send(destination, topic ? EVENT_TYPE : COMMAND_TYPE, alias, metadata);
        try {
            Map<String, String> properties = properties(alias, metadata.messageId(), metadata.entityId());
            properties.put(CORRELATION, metadata.correlationId().toString());
            span.inject(properties);
            deliver(destination, topic, body, properties, envelope.describe());
        } catch (RuntimeException e) {
            span.failed(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** Sends a command's status back to the application that sent the command, on the event topic. */
    void sendStatus(CommandStatus status, String to) {
        Map<String, String> properties = properties(Statuses.TYPE, status.messageId(), status.entityId());
        properties.put(Statuses.FOR, to);
        deliver(resources.settings().eventTopic(), true, resources.serializer().serialize(status), properties,
                "the status of command " + status.messageId());
    }

    /** Sends a parked message's body again, with its application properties, where it came from. */
    void resend(String body, Map<String, String> properties, String destination, boolean topic) {
        sendNow(destination, topic, body, properties, "a dead letter");
    }

    /** Sends a message the outbox kept, in the relay's transaction (the outbox removes it afterwards). */
    void sendKept(OutboxMessage kept) {
        sendNow(kept.destination(), kept.topic(), kept.body(), kept.properties(), "kept message " + kept.position()
                + " of the handling of message " + kept.cause());
    }

    private void deliver(String destination, boolean topic, String body, Map<String, String> properties, String what) {
        if (outbox.keeps()) {
            outbox.keep(destination, topic, body, properties);
        } else {
            sendNow(destination, topic, body, properties, what);
        }
    }

    private void sendNow(String destination, boolean topic, String body, Map<String, String> properties, String what) {
        try (JMSContext context = resources.connectionFactory().createContext()) {
            JMSProducer producer = context.createProducer();
            properties.forEach((name, value) -> {
                if (name.equals(CORRELATION)) {
                    producer.setJMSCorrelationID(value);
                } else {
                    producer.setProperty(name, value);
                }
            });
            producer.send(resources.destination(context, destination, topic), body);
        } catch (JMSRuntimeException e) {
            throw new TransportException("Cannot send " + what + " to '" + destination + "': " + e.getMessage(), e);
        }
    }

    /** The properties every message carries: type, message id, sender and group (the entity). */
    private Map<String, String> properties(String type, UUID messageId, String entityId) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(TYPE, type);
        properties.put(MESSAGE_ID, messageId.toString());
        properties.put(SENDER, resources.settings().consumer());
        if (entityId != null) {
            properties.put(GROUP, entityId);
        }
        return properties;
    }
}
