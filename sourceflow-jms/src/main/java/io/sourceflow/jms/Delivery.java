package io.sourceflow.jms;

import io.sourceflow.MessageFormatException;
import io.sourceflow.spi.SafeText;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.logging.Logger;

/** One delivery of a message to {@link JmsInbound}, and what has been read of it so far. */
final class Delivery {

    private static final Logger LOG = Logger.getLogger(Delivery.class.getName());

    static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    private final Message message;
    private final JmsSettings settings;
    private final int count;
    private String body;
    /** The envelope's head, once read; null while (or when) it cannot be read. */
    EnvelopeCodec.Head head;

    Delivery(Message message, JmsSettings settings) {
        this.message = message;
        this.settings = settings;
        try {
            this.count = message.propertyExists(DELIVERY_COUNT) ? message.getIntProperty(DELIVERY_COUNT)
                    : message.getJMSRedelivered() ? 2 : 1;
        } catch (JMSException e) {
            throw new TransportException("Cannot read the delivery count of a received message", e);
        }
    }

    Message message() {
        return message;
    }

    /** How often the message has been delivered, this delivery included ({@code JMSXDeliveryCount}). */
    int count() {
        return count;
    }

    /** The configured name of where the message came from: the event topic for topics, else the command queue. */
    String destination() {
        try {
            return message.getJMSDestination() instanceof Topic ? settings.eventTopic() : settings.commandQueue();
        } catch (JMSException e) {
            throw new TransportException("Cannot read the destination of a received message", e);
        }
    }

    /**
     * The text of a text message.
     *
     * @throws MessageFormatException for any other kind of message, or a text larger than
     *     {@code sourceflow.jms.max-message-size}
     */
    String body() {
        String text = bodyOrNull();
        if (!(message instanceof TextMessage)) {
            throw new MessageFormatException("A SourceFlow envelope is a text message, not a " + kind()
                    + (message instanceof BytesMessage ? " (its body is kept base64-encoded)" : ""));
        }
        long size = utf8Length(text, settings.maxMessageSize());
        if (size > settings.maxMessageSize()) {
            throw new MessageFormatException("The message's body has more than " + settings.maxMessageSize()
                    + " bytes (" + text.length() + " characters), the limit " + JmsSettings.PREFIX + "max-message-size;"
                    + " it was not decoded");
        }
        return text;
    }

    /** The text's length in UTF-8, counted up to just past the limit. */
    static long utf8Length(String text, int limit) {
        if (text.length() > limit) {
            return text.length();
        }
        long bytes = 0;
        for (int i = 0; i < text.length() && bytes <= limit; i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    /** The body as kept in a dead letter: text as is, bytes base64-encoded, else empty. */
    String bodyOrNull() {
        if (body == null) {
            try {
                if (message instanceof TextMessage text) {
                    body = text.getText() == null ? "" : text.getText();
                } else if (message instanceof BytesMessage) {
                    body = Base64.getEncoder().encodeToString(message.getBody(byte[].class));
                } else {
                    body = "";
                }
            } catch (JMSException e) {
                throw new TransportException("Cannot read the body of a received " + kind(), e);
            }
        }
        return body;
    }

    /** The message's id for a log line: SourceFlow's once the envelope was read, else the transport's. */
    String idForLog() {
        if (head != null) {
            return head.metadata().messageId().toString();
        }
        try {
            return "with transport id " + SafeText.forLog(message.getJMSMessageID());
        } catch (JMSException e) {
            return "without a readable id (" + e + ")";
        }
    }

    /**
     * The id the outbox keeps this message's sends under, the same on every delivery to this consumer
     * and different for another consumer of the same message: derived from the consumer's name and
     * SourceFlow's message id, else the transport's message id, else (neither readable) a new one.
     */
    String outboxCause() {
        String id = null;
        try {
            id = message.getStringProperty(JmsSender.MESSAGE_ID);
            if (id == null) {
                id = message.getJMSMessageID();
            }
        } catch (JMSException | RuntimeException e) {
            LOG.fine(() -> "The ids of a received " + kind() + " cannot be read (" + e.getClass().getSimpleName()
                    + "): its outbox entries are keyed by a new id");
        }
        if (id == null) {
            return UUID.randomUUID().toString();
        }
        return UUID.nameUUIDFromBytes((settings.consumer() + "\n" + id).getBytes(StandardCharsets.UTF_8)).toString();
    }

    boolean sentByThisApplication() {
        return settings.consumer().equals(sender());
    }

    /** The name of the application that sent the message ({@value JmsSender#SENDER}), or null. */
    String sender() {
        return property(JmsSender.SENDER, "sender");
    }

    /** The application a command status is sent back to ({@value Statuses#FOR}), or null when this is no status. */
    String statusFor() {
        return property(Statuses.FOR, "addressee");
    }

    /** Whether the envelope was read and is a command's. */
    boolean isCommand() {
        return head != null && !head.isEvent();
    }

    private String property(String name, String what) {
        try {
            return message.getStringProperty(name);
        } catch (JMSException | RuntimeException e) {
            throw new MessageFormatException("Cannot read the " + what + " (" + name + ") of a received message: " + e, e);
        }
    }

    private String kind() {
        return message instanceof BytesMessage ? "BytesMessage" : message instanceof MapMessage ? "MapMessage"
                : message instanceof ObjectMessage ? "ObjectMessage" : message instanceof StreamMessage ? "StreamMessage"
                : message instanceof TextMessage ? "TextMessage" : "Message";
    }
}
