package io.sourceflow.jms;

import static io.sourceflow.jms.support.EmbeddedBroker.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.EntityRef;
import io.sourceflow.cdi.bank.Commands.CreateAccount;
import io.sourceflow.cdi.bank.Commands.DepositMoney;
import io.sourceflow.jms.support.EmbeddedBroker;
import io.sourceflow.jms.support.TransactedConsumer;
import io.sourceflow.jms.support.TransactedConsumer.Delivery;
import io.sourceflow.spi.Outbox;
import io.sourceflow.spi.OutboxMessage;
import jakarta.transaction.TransactionManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link InboundTest}'s cases with the recommended MDB ({@code NOT_SUPPORTED}): {@link JmsInbound}
 * runs each delivery in transactions of its own, and the message is acknowledged after they
 * committed, delivered again when they failed.
 */
class AcknowledgedInboundTest extends InboundTest {

    @Override
    String name() {
        return "inbound_ack";
    }

    @Override
    TransactedConsumer consumer(EmbeddedBroker broker, String destination, String subscription) {
        return TransactedConsumer.acknowledging(broker.xaConnectionFactory(), destination, subscription);
    }

    @Override
    boolean acknowledgedAfterwards() {
        return true;
    }

    @Test
    void whatTheWorkSendsIsKeptWithItAndSentOnceAfterItCommittedEvenWhenTheBrokerFailsInBetween() throws Exception {
        // given: an account opened through the queue, and a deposit waiting
        send(new CreateAccount(EntityRef.of("o-1").asNew(), "Olga", BigDecimal.TEN));
        commands.drain(inbound::receive);
        events.drain(message -> { });
        send(new DepositMoney(EntityRef.of("o-1"), BigDecimal.ONE));

        // when: the deposit's work commits, then the broker does not answer the commit of its event's send
        long transientBefore = telemetry.counter(JmsTelemetry.TRANSIENT_FAILURES);
        long parkedBefore = telemetry.counter(JmsTelemetry.DEAD_LETTERS);
        factory.failNextCommit();
        List<Delivery> deliveries = commands.drain(inbound::receive);

        // then: the first delivery failed after its work committed, with the event kept; the second found
        // the deposit processed (inbox) and sent the event: the deposit applied once, its event sent once
        assertThat(deliveries).hasSize(2);
        assertThat(deliveries.get(0).failure()).isInstanceOf(TransportException.class)
                .hasMessageContaining("Cannot send the 1 messages the handling of message");
        assertThat(deliveries.get(1).committed()).isTrue();
        assertThat(((Number) server.rows().value("SELECT COUNT(*) FROM sourceflow_command WHERE entity_id = 'o-1'")).longValue())
                .isEqualTo(2);
        assertThat(events.drain(message -> { })).singleElement()
                .satisfies(d -> assertThat(d.message().getStringProperty("sourceflow_type")).isEqualTo("bank.AccountUpdated"))
                .satisfies(d -> assertThat(d.message().getStringProperty("JMSXGroupID")).isEqualTo("o-1"));
        assertThat(((Number) server.rows().value("SELECT COUNT(*) FROM sourceflow_outbox")).longValue()).isZero();
        assertThat(telemetry.counter(JmsTelemetry.TRANSIENT_FAILURES) - transientBefore).as("counted as a transient failure")
                .isEqualTo(1);
        assertThat(telemetry.counter(JmsTelemetry.DEAD_LETTERS) - parkedBefore).as("parked").isZero();
    }

    @Test
    void whatStaysKeptAfterItsDeliveryEndedIsSentByTheSweepInOrder() throws Exception {
        // given: two messages kept ten minutes ago for a message that never came back, one kept just now
        Outbox outbox = server.get(Outbox.class);
        String cause = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        Instant old = Instant.now().minus(Duration.ofMinutes(10));
        TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
        tm.begin();
        outbox.keep(new OutboxMessage(cause, 0, EVENTS, true, "{\"n\":0}", Map.of("JMSXGroupID", "k-1"), old));
        outbox.keep(new OutboxMessage(cause, 1, EVENTS, true, "{\"n\":1}", Map.of("JMSXGroupID", "k-1"), old));
        outbox.keep(new OutboxMessage(fresh, 0, EVENTS, true, "{\"n\":2}", Map.of(), Instant.now()));
        tm.commit();

        // when
        int sent = server.get(KeptMessages.class).sendOlderThan(Duration.ofMinutes(5));

        // then: the old ones sent in order and removed; the fresh one left to its own delivery
        assertThat(sent).isEqualTo(1);
        assertThat(events.drain(message -> { })).extracting(d -> d.message().getBody(String.class))
                .containsExactly("{\"n\":0}", "{\"n\":1}");
        assertThat(((Number) server.rows().value("SELECT COUNT(*) FROM sourceflow_outbox")).longValue()).isEqualTo(1);
        server.rows().update("DELETE FROM sourceflow_outbox WHERE cause = ?", fresh);
    }
}
