package io.sourceflow.cdi;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.Message;
import io.sourceflow.Metadata;
import io.sourceflow.spi.MessageTypes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;

/** Spans and metrics through the OpenTelemetry API (MicroProfile Telemetry in a server). */
final class OpenTelemetryTelemetry implements Telemetry {

    static final String SCOPE = "io.sourceflow";
    static final AttributeKey<String> COMMAND_TYPE = AttributeKey.stringKey("sourceflow.command.type");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("sourceflow.event.type");
    static final AttributeKey<String> ENTITY_ID = AttributeKey.stringKey("sourceflow.entity.id");
    static final AttributeKey<String> ENTITY_TYPE = AttributeKey.stringKey("sourceflow.entity.type");
    static final AttributeKey<Long> SEQUENCE_NO = AttributeKey.longKey("sourceflow.sequence.no");
    static final AttributeKey<Boolean> REPLAY_FLAG = AttributeKey.booleanKey("sourceflow.replay");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("sourceflow.message.id");

    private final Tracer tracer;
    private final MessageTypes types;
    private final LongCounter published;
    private final LongCounter handled;
    private final LongCounter failed;
    private final DoubleHistogram duration;

    OpenTelemetryTelemetry(OpenTelemetry openTelemetry, MessageTypes types) {
        this.tracer = openTelemetry.getTracer(SCOPE);
        this.types = types;
        Meter meter = openTelemetry.getMeter(SCOPE);
        this.published = meter.counterBuilder("sourceflow.commands.published").setDescription("Commands published").build();
        this.handled = meter.counterBuilder("sourceflow.commands.handled").setDescription("Commands handled by sagas").build();
        this.failed = meter.counterBuilder("sourceflow.commands.failed").setDescription("Commands whose handling failed").build();
        this.duration = meter.histogramBuilder("sourceflow.handler.duration").setUnit("ms")
                .setDescription("Duration of saga handlers").build();
    }

    /** The container's OpenTelemetry bean as telemetry, or {@link Telemetry#NONE} when there is none. */
    static Telemetry fromContainer(BeanManager beanManager, MessageTypes types) {
        Instance<OpenTelemetry> beans = beanManager.createInstance().select(OpenTelemetry.class);
        return beans.isResolvable() ? new OpenTelemetryTelemetry(beans.get(), types) : Telemetry.NONE;
    }

    @Override
    public Step begin(String operation, Envelope<?> envelope) {
        Message message = envelope.message();
        Metadata metadata = envelope.metadata();
        boolean command = message instanceof Command;
        String type = types.aliasOf(message.getClass());
        SpanBuilder builder = tracer.spanBuilder(operation)
                .setAttribute(command ? COMMAND_TYPE : EVENT_TYPE, type)
                .setAttribute(REPLAY_FLAG, metadata.replay())
                .setAttribute(MESSAGE_ID, metadata.messageId().toString());
        if (metadata.entityId() != null) {
            builder.setAttribute(ENTITY_ID, metadata.entityId());
        }
        if (metadata.entityType() != null && !metadata.entityType().isEmpty()) {
            builder.setAttribute(ENTITY_TYPE, metadata.entityType());
        }
        if (metadata.sequenceNo() > 0) {
            builder.setAttribute(SEQUENCE_NO, metadata.sequenceNo());
        }
        Span span = builder.startSpan();
        Attributes attributes = Attributes.of(COMMAND_TYPE, type);
        if (PUBLISH.equals(operation)) {
            published.add(1, attributes);
        }
        return new Traced(span, span.makeCurrent(), HANDLE.equals(operation) ? attributes : null);
    }

    @Override
    public Step beginReplay(String entityId) {
        Span span = tracer.spanBuilder(REPLAY).setAttribute(ENTITY_ID, entityId).setAttribute(REPLAY_FLAG, true).startSpan();
        return new Traced(span, span.makeCurrent(), null);
    }

    /** A span, made current until it ends; handler steps also record duration and outcome. */
    private final class Traced implements Step {

        private final Span span;
        private final Scope scope;
        private final Attributes handlerAttributes;
        private final long started = System.nanoTime();
        private boolean ok = true;

        Traced(Span span, Scope scope, Attributes handlerAttributes) {
            this.span = span;
            this.scope = scope;
            this.handlerAttributes = handlerAttributes;
        }

        @Override
        public void sequenceNo(long sequenceNo) {
            span.setAttribute(SEQUENCE_NO, sequenceNo);
        }

        @Override
        public void failed(Throwable error) {
            ok = false;
            span.recordException(error);
            span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName() + ": " + error.getMessage());
        }

        @Override
        public void end() {
            scope.close();
            span.end();
            if (handlerAttributes != null) {
                duration.record((System.nanoTime() - started) / 1_000_000.0, handlerAttributes);
                (ok ? handled : failed).add(1, handlerAttributes);
            }
        }
    }
}
