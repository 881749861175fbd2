package io.sourceflow.jms.support;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;

/** An OpenTelemetry SDK with in-memory exporters, shared by the test's servers (never registered globally). */
public final class TestTelemetry {

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final OpenTelemetry sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .build();

    /** @return the SDK, to add as a bean */
    public OpenTelemetry openTelemetry() {
        return sdk;
    }

    /** @return the spans ended so far */
    public List<SpanData> spans() {
        return spans.getFinishedSpanItems();
    }

    /**
     * The total of a counter so far.
     *
     * @param name the counter's name
     * @return its sum over all attributes, 0 when it was never incremented
     */
    public long counter(String name) {
        return metrics.collectAllMetrics().stream()
                .filter(m -> m.getName().equals(name))
                .map(MetricData::getLongSumData)
                .flatMap(sum -> sum.getPoints().stream())
                .mapToLong(LongPointData::getValue)
                .sum();
    }
}
