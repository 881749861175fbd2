package io.sourceflow.jms;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.sourceflow.Metadata;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;

/**
 * Spans and counters of the JMS transport. The send span's W3C trace context travels in the
 * message properties {@code traceparent} and {@code tracestate}; the receive span is its child,
 * whatever else is current on the receiving thread.
 */
final class JmsTelemetry {

    static final String SEND = "sourceflow.jms.send";
    static final String RECEIVE = "sourceflow.jms.receive";
    static final String DUPLICATES = "sourceflow.jms.duplicates";
    static final String DEAD_LETTERS = "sourceflow.jms.dead_letters";
    static final String IGNORED = "sourceflow.jms.ignored";

    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("sourceflow.message.id");
    private static final AttributeKey<String> ENTITY_ID = AttributeKey.stringKey("sourceflow.entity.id");
    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapSetter<JMSProducer> SETTER = (producer, key, value) -> producer.setProperty(key, value);
    private static final TextMapGetter<Message> GETTER = new TextMapGetter<>() {
        /** Deprecated in recent APIs, abstract in older ones (a server may bring either); W3C does not call it. */
        @Override
        @SuppressWarnings("deprecation")
        public Iterable<String> keys(Message message) {
            return W3C.fields();
        }

        @Override
        public String get(Message message, String key) {
            try {
                return message == null ? null : message.getStringProperty(key);
            } catch (JMSException e) {
                throw new TransportException("Cannot read the property " + key + " of a received message", e);
            }
        }
    };

    private final Tracer tracer;
    private final LongCounter duplicates;
    private final LongCounter deadLetters;
    private final LongCounter ignored;

    JmsTelemetry(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.sourceflow.jms");
        Meter meter = openTelemetry.getMeter("io.sourceflow.jms");
        this.duplicates = meter.counterBuilder(DUPLICATES).setDescription("Redelivered messages skipped by the inbox").build();
        this.deadLetters = meter.counterBuilder(DEAD_LETTERS).setDescription("Messages parked as dead letters").build();
        this.ignored = meter.counterBuilder(IGNORED).setDescription("Received events no local handler takes").build();
    }

    /** Starts the span of one send; the caller ends it. */
    Span send(String destination, String typeKey, String alias, Metadata metadata) {
        var builder = tracer.spanBuilder(SEND).setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, "jms")
                .setAttribute(DESTINATION, destination)
                .setAttribute(typeKey, alias)
                .setAttribute(MESSAGE_ID, metadata.messageId().toString());
        if (metadata.entityId() != null) {
            builder.setAttribute(ENTITY_ID, metadata.entityId());
        }
        return builder.startSpan();
    }

    /** Writes the span's trace context into the message's properties. */
    void inject(Span span, JMSProducer producer) {
        W3C.inject(Context.current().with(span), producer, SETTER);
    }

    /** Starts the span of one delivery, as a child of the sender's span; the caller ends it. */
    Span receive(Message message, String destination) {
        Context parent = W3C.extract(Context.root(), message, GETTER);
        return tracer.spanBuilder(RECEIVE).setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SYSTEM, "jms")
                .setAttribute(DESTINATION, destination)
                .startSpan();
    }

    /** Names the received message on its span, once its envelope is read. */
    static void describe(Span span, String typeKey, String alias, Metadata metadata) {
        span.setAttribute(typeKey, alias);
        span.setAttribute(MESSAGE_ID, metadata.messageId().toString());
        if (metadata.entityId() != null) {
            span.setAttribute(ENTITY_ID, metadata.entityId());
        }
    }

    void duplicate() {
        duplicates.add(1);
    }

    void deadLettered() {
        deadLetters.add(1);
    }

    void ignored() {
        ignored.add(1);
    }
}
