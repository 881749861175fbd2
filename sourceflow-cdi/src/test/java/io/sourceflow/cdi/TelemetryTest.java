package io.sourceflow.cdi;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.BusinessRuleException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/** Spans, their parents and attributes, and the handler metrics, read back from the SDK's in-memory exporters. */
@EnableWeld
class TelemetryTest {

    /** Provides an SDK-backed OpenTelemetry, as MicroProfile Telemetry does in a server. */
    @ApplicationScoped
    static class Sdk {
        private final InMemorySpanExporter spans = InMemorySpanExporter.create();
        private final InMemoryMetricReader metrics = InMemoryMetricReader.create();

        InMemorySpanExporter spans() {
            return spans;
        }

        InMemoryMetricReader metrics() {
            return metrics;
        }

        @Produces
        @Singleton
        OpenTelemetry openTelemetry() {
            return OpenTelemetrySdk.builder()
                    .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                    .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
                    .build();
        }
    }

    @WeldSetup
    WeldInitiator weld = SourceFlowWeld.initiator(AccountSaga.class, AccountView.class, AccountAggregate.class, Sdk.class);

    @Inject
    AccountAggregate accounts;
    @Inject
    Sdk sdk;

    @Test
    void oneCommandYieldsNestedSpansWithAttributes() {
        // when
        accounts.open("t-1", "Tess", BigDecimal.TEN);

        // then
        Map<String, SpanData> spans = byName(sdk.spans().getFinishedSpanItems());
        SpanData publish = spans.get("sourceflow.command.publish");
        assertThat(publish).hasParentSpanId("0000000000000000")
                .hasAttribute(AttributeKey.stringKey("sourceflow.command.type"), "bank.CreateAccount")
                .hasAttribute(AttributeKey.stringKey("sourceflow.entity.id"), "t-1")
                .hasAttribute(AttributeKey.longKey("sourceflow.sequence.no"), 1L)
                .hasAttribute(AttributeKey.booleanKey("sourceflow.replay"), false);
        assertThat(spans.get("sourceflow.command.append")).hasParent(publish)
                .hasAttribute(AttributeKey.stringKey("sourceflow.entity.type"), "BankAccount");
        SpanData handle = spans.get("sourceflow.command.handle");
        assertThat(handle).hasParent(publish).hasAttribute(AttributeKey.longKey("sourceflow.sequence.no"), 1L);
        SpanData enqueue = spans.get("sourceflow.event.enqueue");
        assertThat(enqueue).hasParent(publish)
                .hasAttribute(AttributeKey.stringKey("sourceflow.event.type"), "bank.AccountCreated");
        assertThat(spans.get("sourceflow.event.project")).hasParent(enqueue)
                .hasAttribute(AttributeKey.stringKey("sourceflow.entity.id"), "t-1")
                .hasAttribute(AttributeKey.stringKey("sourceflow.entity.type"), "BankAccount");
        assertThat(handled("sourceflow.commands.handled")).isEqualTo(1);
    }

    @Test
    void failedHandlerRecordsTheErrorAndCountsIt() {
        // given
        accounts.open("t-2", "Tess", BigDecimal.ONE);
        sdk.spans().reset();

        // when
        assertThatThrownBy(() -> accounts.withdraw("t-2", BigDecimal.TEN)).isInstanceOf(BusinessRuleException.class);

        // then
        Map<String, SpanData> spans = byName(sdk.spans().getFinishedSpanItems());
        for (String name : List.of("sourceflow.command.handle", "sourceflow.command.publish")) {
            SpanData span = spans.get(name);
            assertThat(span).hasStatusSatisfying(s -> s.hasCode(StatusCode.ERROR));
            assertThat(span.getEvents()).anySatisfy(event -> {
                assertThat(event.getName()).isEqualTo("exception");
                assertThat(event.getAttributes().get(AttributeKey.stringKey("exception.type")))
                        .isEqualTo(BusinessRuleException.class.getName());
            });
        }
        assertThat(handled("sourceflow.commands.failed")).isEqualTo(1);
        assertThat(handled("sourceflow.commands.handled")).isEqualTo(1);
    }

    @Test
    void replayIsTracedAndMarked() {
        // given
        accounts.open("t-3", "Tess", BigDecimal.ONE);
        sdk.spans().reset();

        // when
        accounts.rebuild("t-3");

        // then
        Map<String, SpanData> spans = byName(sdk.spans().getFinishedSpanItems());
        SpanData replay = spans.get("sourceflow.command.replay");
        assertThat(replay).hasAttribute(AttributeKey.booleanKey("sourceflow.replay"), true)
                .hasAttribute(AttributeKey.stringKey("sourceflow.entity.id"), "t-3");
        assertThat(spans.get("sourceflow.command.handle")).hasParent(replay)
                .hasAttribute(AttributeKey.booleanKey("sourceflow.replay"), true);
        assertThat(spans).doesNotContainKey("sourceflow.command.append");
    }

    private long handled(String name) {
        return sdk.metrics().collectAllMetrics().stream()
                .filter(m -> m.getName().equals(name))
                .map(MetricData::getLongSumData)
                .flatMap(sum -> sum.getPoints().stream())
                .mapToLong(p -> p.getValue())
                .sum();
    }

    private static Map<String, SpanData> byName(List<SpanData> spans) {
        return spans.stream().collect(Collectors.toMap(SpanData::getName, Function.identity(), (a, b) -> a));
    }
}
