package io.sourceflow.jms;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.sourceflow.Metadata;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.Map;

/**
 * The transport's telemetry through the OpenTelemetry API (MicroProfile Telemetry in a server). The
 * send span's W3C trace context travels in the message properties {@code traceparent} and
 * {@code tracestate}; the receive span is its child, whatever else is current on the receiving
 * thread.
 */
final class OpenTelemetryJmsTelemetry implements JmsTelemetry {

    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("sourceflow.message.id");
    private static final AttributeKey<String> ENTITY_ID = AttributeKey.stringKey("sourceflow.entity.id");
    private static final AttributeKey<String> ENTITY_TYPE = AttributeKey.stringKey("sourceflow.entity.type");
    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapSetter<Map<String, String>> SETTER = (properties, key, value) -> properties.put(key, value);
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
    private final LongCounter transientFailures;
    private final LongCounter rejected;

    OpenTelemetryJmsTelemetry(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.sourceflow.jms");
        Meter meter = openTelemetry.getMeter("io.sourceflow.jms");
        this.duplicates = meter.counterBuilder(DUPLICATES).setDescription("Redelivered messages skipped by the inbox").build();
        this.deadLetters = meter.counterBuilder(DEAD_LETTERS).setDescription("Messages parked as dead letters").build();
        this.ignored = meter.counterBuilder(IGNORED).setDescription("Received events no local handler takes").build();
        this.transientFailures = meter.counterBuilder(TRANSIENT_FAILURES)
                .setDescription("Deliveries past max-deliveries that failed for a transient reason, not parked").build();
        this.rejected = meter.counterBuilder(REJECTED).setDescription("Received commands refused by a business rule").build();
    }

    /** The container's OpenTelemetry bean as telemetry, or {@link JmsTelemetry#NONE} when there is none. */
    static JmsTelemetry fromContainer(BeanManager beanManager) {
        Instance<OpenTelemetry> beans = beanManager.createInstance().select(OpenTelemetry.class);
        return beans.isResolvable() ? new OpenTelemetryJmsTelemetry(beans.get()) : JmsTelemetry.NONE;
    }

    @Override
    public Step send(String destination, String typeKey, String alias, Metadata metadata) {
        SpanBuilder builder = tracer.spanBuilder(SEND).setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, "jms")
                .setAttribute(DESTINATION, destination);
        Span span = builder.startSpan();
        Traced step = new Traced(span, null);
        step.describe(typeKey, alias, metadata);
        return step;
    }

    @Override
    public Step receive(Message message, String destination) {
        Context parent = W3C.extract(Context.root(), message, GETTER);
        Span span = tracer.spanBuilder(RECEIVE).setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SYSTEM, "jms")
                .setAttribute(DESTINATION, destination)
                .startSpan();
        return new Traced(span, span.makeCurrent());
    }

    @Override
    public void duplicate() {
        duplicates.add(1);
    }

    @Override
    public void deadLettered() {
        deadLetters.add(1);
    }

    @Override
    public void ignored() {
        ignored.add(1);
    }

    @Override
    public void transientFailure() {
        transientFailures.add(1);
    }

    @Override
    public void rejected() {
        rejected.add(1);
    }

    /** A span, and the scope that makes it current, if any. */
    private static final class Traced implements Step {
        private final Span span;
        private final Scope scope;

        Traced(Span span, Scope scope) {
            this.span = span;
            this.scope = scope;
        }

        @Override
        public void inject(Map<String, String> properties) {
            W3C.inject(Context.current().with(span), properties, SETTER);
        }

        @Override
        public void describe(String typeKey, String alias, Metadata metadata) {
            span.setAttribute(typeKey, alias);
            span.setAttribute(MESSAGE_ID, metadata.messageId().toString());
            if (metadata.entityType() != null && !metadata.entityType().isEmpty()) {
                span.setAttribute(ENTITY_TYPE, metadata.entityType());
            }
            if (metadata.entityId() != null) {
                span.setAttribute(ENTITY_ID, metadata.entityId());
            }
        }

        @Override
        public void failed(Throwable error) {
            span.recordException(error);
            span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
        }

        @Override
        public void end() {
            if (scope != null) {
                scope.close();
            }
            span.end();
        }
    }
}
