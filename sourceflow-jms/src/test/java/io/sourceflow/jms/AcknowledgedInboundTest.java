package io.sourceflow.jms;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.EntityRef;
import io.sourceflow.cdi.bank.Commands.CreateAccount;
import io.sourceflow.cdi.bank.Commands.DepositMoney;
import io.sourceflow.jms.support.EmbeddedBroker;
import io.sourceflow.jms.support.TransactedConsumer;
import io.sourceflow.jms.support.TransactedConsumer.Delivery;
import java.math.BigDecimal;
import java.util.List;
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

        // when: the deposit's work commits, then the broker cannot be reached for the send of its event
        factory.failNextPlainContext();
        List<Delivery> deliveries = commands.drain(inbound::receive);

        // then: the first delivery failed after its work committed, with the event kept; the second found
        // the deposit processed (inbox) and sent the event: the deposit applied once, its event sent once
        assertThat(deliveries).hasSize(2);
        assertThat(deliveries.get(0).failure()).isInstanceOf(TransportException.class)
                .hasMessageContaining("cannot be reached");
        assertThat(deliveries.get(1).committed()).isTrue();
        assertThat(((Number) server.rows().value("SELECT COUNT(*) FROM sourceflow_command WHERE entity_id = 'o-1'")).longValue())
                .isEqualTo(2);
        assertThat(events.drain(message -> { })).singleElement()
                .satisfies(d -> assertThat(d.message().getStringProperty("sourceflow_type")).isEqualTo("bank.AccountUpdated"))
                .satisfies(d -> assertThat(d.message().getStringProperty("JMSXGroupID")).isEqualTo("o-1"));
        assertThat(((Number) server.rows().value("SELECT COUNT(*) FROM sourceflow_outbox")).longValue()).isZero();
    }
}
