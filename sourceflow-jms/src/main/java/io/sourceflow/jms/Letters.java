package io.sourceflow.jms;

import io.sourceflow.Metadata;
import io.sourceflow.spi.DeadLetter;
import io.sourceflow.spi.SafeText;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds the dead letter of a message that failed too often, from what could be read of it. */
final class Letters {

    /** Stack frames kept per exception in a dead letter's error text. */
    static final int FRAMES = 4;
    /**
     * The header a dead letter carries when its body is not the message's body as received: cut to the
     * size limit, or with NUL characters or unpaired surrogates replaced. Such a letter cannot be re-driven.
     */
    static final String BODY_CHANGED = "sourceflow_parked_body";
    /** The length of the stores' alias and entity id columns. */
    private static final int ID_LENGTH = 255;
    /** The longest error text a dead letter keeps. */
    private static final int ERROR_LENGTH = 65_536;

    private Letters() {
    }

    /**
     * The dead letter; every value fits the store whatever the message held (alias and entity id cut to
     * their columns, the body to {@code maxBody} characters, NUL and unpaired surrogates replaced).
     */
    static DeadLetter of(Message message, String destination, String body, EnvelopeCodec.Head head,
            RuntimeException failure, int deliveryCount, int maxBody) {
        try {
            String transportId = message.getJMSMessageID();
            String messageId = head != null ? head.metadata().messageId().toString() : fallbackId(message, transportId);
            String received = body == null ? "" : body;
            String kept = SafeText.storable(received, maxBody);
            Map<String, String> headers = headers(message);
            if (!kept.equals(received)) {
                headers.put(BODY_CHANGED, kept.length() < received.length()
                        ? "the first " + kept.length() + " of " + received.length() + " characters"
                        : "NUL characters or unpaired surrogates replaced by U+FFFD");
            }
            return new DeadLetter(Metadata.newId().toString(), messageId, destination,
                    head == null ? null : SafeText.storable(head.alias(), ID_LENGTH),
                    head == null ? null : SafeText.storable(head.metadata().entityId(), ID_LENGTH), kept, headers,
                    SafeText.storable(error(failure), ERROR_LENGTH), deliveryCount, Instant.now(), null);
        } catch (JMSException e) {
            throw new TransportException("Cannot read the headers of a message to park", e);
        }
    }

    /** The message's headers and properties, as text. */
    static Map<String, String> headers(Message message) throws JMSException {
        Map<String, String> headers = new LinkedHashMap<>();
        put(headers, "JMSMessageID", message.getJMSMessageID());
        put(headers, "JMSCorrelationID", message.getJMSCorrelationID());
        put(headers, "JMSType", message.getJMSType());
        put(headers, "JMSDestination", message.getJMSDestination());
        put(headers, "JMSTimestamp", message.getJMSTimestamp());
        put(headers, "JMSDeliveryMode", message.getJMSDeliveryMode());
        put(headers, "JMSPriority", message.getJMSPriority());
        put(headers, "JMSRedelivered", message.getJMSRedelivered());
        Enumeration<?> names = message.getPropertyNames();
        while (names.hasMoreElements()) {
            String name = (String) names.nextElement();
            put(headers, name, message.getObjectProperty(name));
        }
        return headers;
    }

    /** The failure and its causes, each with its first few stack frames. */
    static String error(Throwable failure) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 10; t = t.getCause() == t ? null : t.getCause(), depth++) {
            text.append(depth == 0 ? "" : "Caused by: ").append(t).append('\n');
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
                text.append("\tat ").append(frames[i]).append('\n');
            }
        }
        return text.toString();
    }

    /** An id for a message whose envelope could not be read: the sender's property, else the transport id. */
    private static String fallbackId(Message message, String transportId) throws JMSException {
        String sent = message.getStringProperty(JmsSender.MESSAGE_ID);
        if (sent != null && !sent.isEmpty() && sent.length() <= 36) {
            return SafeText.storable(sent, 36);
        }
        String id = transportId == null ? "" : transportId.startsWith("ID:") ? transportId.substring(3) : transportId;
        return !id.isEmpty() && id.length() <= 36 ? id
                : UUID.nameUUIDFromBytes(String.valueOf(transportId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static void put(Map<String, String> headers, String name, Object value) {
        if (value != null) {
            headers.put(name, value.toString());
        }
    }
}
