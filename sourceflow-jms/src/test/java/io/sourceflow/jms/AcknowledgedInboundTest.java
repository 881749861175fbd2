package io.sourceflow.jms;

import io.sourceflow.jms.support.EmbeddedBroker;
import io.sourceflow.jms.support.TransactedConsumer;

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
}
