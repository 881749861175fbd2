package io.sourceflow.jms;

import static io.sourceflow.jms.support.EmbeddedBroker.COMMANDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.Command;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.Commands.CreateAccount;
import io.sourceflow.cdi.bank.Commands.DepositMoney;
import io.sourceflow.jms.support.Closer;
import io.sourceflow.jms.support.EmbeddedBroker;
import io.sourceflow.jms.support.TestServer;
import io.sourceflow.jms.support.TestTelemetry;
import io.sourceflow.jms.support.TransactedConsumer;
import io.sourceflow.jms.support.XaConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.XAJMSContext;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.apache.activemq.artemis.core.transaction.impl.XidImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A server dies while it holds an entity's command, and another server takes the entity's message
 * group over. Under an MDB's container-managed transaction the broker may have prepared the delivery
 * already (it is the first branch of the two-phase commit; the database commits after it): the
 * broker then keeps the message out of the queue until the dead server's recovery rolls the branch
 * back, and the entity's next command is applied first. Acknowledged after the work committed (the
 * recommended MDB, {@code NOT_SUPPORTED}), the message was never out of its queue: it is the next
 * one delivered, and if its work had committed, the inbox skips it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerDeathOrderTest {

    final Closer closer = new Closer();
    final TestTelemetry telemetry = new TestTelemetry();
    EmbeddedBroker broker;
    XaConnectionFactory factory;
    TestServer survivor;

    @BeforeAll
    void start() {
        broker = closer.add(EmbeddedBroker.start("death", false));
        factory = closer.add(new XaConnectionFactory(broker.xaConnectionFactory()));
        survivor = closer.add(TestServer.named("death_b").jpa().jms(factory).telemetry(telemetry.openTelemetry())
                .config("sourceflow.jms.command-queue", COMMANDS)
                .config("sourceflow.jms.consumer", "bank")
                .beans(AccountSaga.class)
                .start());
    }

    @AfterAll
    void stop() throws Exception {
        closer.closeAll();
    }

    @Test
    void underTheMdbsTransactionADeliveryPreparedByADeadServerIsAppliedAfterTheEntitysNextCommand() throws Exception {
        // given: an account and two deposits in its group
        openWithTwoDeposits("d-1");

        // when: server A's transaction took the first deposit and the broker prepared it; A dies before
        // the database commits (so its work is gone) and before it logs the outcome
        Xid xid = new XidImpl("a".getBytes(StandardCharsets.UTF_8), 1, "d-1".getBytes(StandardCharsets.UTF_8));
        try (XAJMSContext a = broker.xaConnectionFactory().createXAContext()) {
            XAResource branch = a.getXAResource();
            branch.start(xid, XAResource.TMNOFLAGS);
            JMSConsumer consumer = a.createConsumer(a.createQueue(COMMANDS));
            assertThat(amount(consumer.receive(5_000))).isEqualTo("1");
            branch.end(xid, XAResource.TMSUCCESS);
            branch.prepare(xid);
        }
        // B takes the group over; then A restarts and its recovery rolls the branch back (presumed abort)
        List<TransactedConsumer.Delivery> meanwhile = drainOnB(TransactedConsumer.ofQueue(broker.xaConnectionFactory(), COMMANDS));
        try (XAJMSContext recovery = broker.xaConnectionFactory().createXAContext()) {
            recovery.getXAResource().rollback(xid);
        }
        List<TransactedConsumer.Delivery> after = drainOnB(TransactedConsumer.ofQueue(broker.xaConnectionFactory(), COMMANDS));

        // then: both applied once, the second first
        assertThat(meanwhile).extracting(d -> amount(d.message())).containsExactly("2");
        assertThat(after).extracting(d -> amount(d.message())).containsExactly("1");
        assertThat(depositsInLogOrder("d-1")).containsExactly("2", "1");
    }

    @Test
    void acknowledgedAfterTheWorkADeliveryHeldByADeadServerIsTheNextOneAppliedAndNeverTwice() throws Exception {
        // given
        openWithTwoDeposits("d-2");
        long duplicatesBefore = telemetry.counter(JmsTelemetry.DUPLICATES);

        // when: server A received the first deposit and died before its work committed; then server A'
        // received it, its work committed, and it died before acknowledging
        try (JMSContext a = broker.xaConnectionFactory().createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
            assertThat(amount(a.createConsumer(a.createQueue(COMMANDS)).receive(5_000))).isEqualTo("1");
        }
        try (JMSContext a = broker.xaConnectionFactory().createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
            Message first = a.createConsumer(a.createQueue(COMMANDS)).receive(5_000);
            assertThat(amount(first)).isEqualTo("1");
            survivor.get(JmsInbound.class).receive(first);
        }
        // B takes the group over
        List<TransactedConsumer.Delivery> onB = drainOnB(TransactedConsumer.acknowledging(broker.xaConnectionFactory(), COMMANDS, null));

        // then: the first deposit came to B first, and was skipped (applied once, by A'); the second after it
        assertThat(onB).extracting(d -> amount(d.message())).containsExactly("1", "2");
        assertThat(onB).allSatisfy(d -> assertThat(d.committed()).isTrue());
        assertThat(depositsInLogOrder("d-2")).containsExactly("1", "2");
        assertThat(telemetry.counter(JmsTelemetry.DUPLICATES) - duplicatesBefore).isEqualTo(1);
    }

    private void openWithTwoDeposits(String id) throws Exception {
        send(new CreateAccount(EntityRef.of(id).asNew(), "Dee", BigDecimal.TEN));
        try (TransactedConsumer consumer = TransactedConsumer.ofQueue(broker.xaConnectionFactory(), COMMANDS)) {
            consumer.drain(survivor.get(JmsInbound.class)::receive);
        }
        send(new DepositMoney(EntityRef.of(id), BigDecimal.ONE));
        send(new DepositMoney(EntityRef.of(id), new BigDecimal("2")));
    }

    private List<TransactedConsumer.Delivery> drainOnB(TransactedConsumer consumer) throws Exception {
        try (consumer) {
            return consumer.drain(survivor.get(JmsInbound.class)::receive);
        }
    }

    private List<String> depositsInLogOrder(String id) {
        return survivor.rows().query("SELECT payload FROM sourceflow_command WHERE entity_id = '" + id + "' AND sequence_no > 1"
                + " ORDER BY sequence_no").stream().map(row -> row.get(0).toString().replaceAll(".*\"amount\":([0-9.]+).*", "$1"))
                .toList();
    }

    private static String amount(Message message) {
        try {
            return message.getBody(String.class).replaceAll(".*\"amount\":([0-9.]+).*", "$1");
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(Command command) {
        Metadata metadata = Metadata.create(command.entity().id());
        String body = survivor.get(JmsResources.class).codec().encode(new Envelope<>(command, metadata));
        try (JMSContext context = factory.createContext()) {
            context.createProducer().setProperty("JMSXGroupID", command.entity().id()).send(context.createQueue(COMMANDS), body);
        }
    }
}
