package io.sourceflow.artemis.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.apache.activemq.artemis.core.transaction.impl.XidImpl;
import org.apache.activemq.artemis.ra.ActiveMQResourceAdapter;
import org.apache.activemq.artemis.ra.inflow.ActiveMQActivationSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message-driven bean's delivery prepared on the broker, then the broker restarted: the branch is
 * in doubt, and the transaction manager asks the adapter for a resource to finish it, with an
 * activation spec it created for recovery (as Open Liberty does).
 */
class RecoveringResourceAdapterTest {

    @TempDir
    Path data;

    private TestBroker broker;
    private ActiveMQResourceAdapter adapter;

    @BeforeEach
    void brokerWithAPreparedDeliveryIsRestarted() throws Exception {
        broker = TestBroker.start(data);
        broker.send("order 1");
    }

    @AfterEach
    void stop() throws Exception {
        if (adapter != null) {
            adapter.stop();
        }
        broker.close();
    }

    @Test
    void artemisAdapterAnswersNothingForASpecCreatedForRecovery() throws Exception {
        prepareDeliveryAndRestartBroker();
        adapter = started(noAutoRecovery(new ActiveMQResourceAdapter()), null);

        assertThat(adapter.getXAResources(new ActivationSpec[] {specFor(adapter, TestBroker.USER, TestBroker.PASSWORD)}))
                .isEmpty();
    }

    @Test
    void aDeliveryPreparedBeforeTheRestartIsFoundAndCommitted() throws Exception {
        Xid xid = prepareDeliveryAndRestartBroker();
        adapter = started(noAutoRecovery(new RecoveringResourceAdapter()), null);

        XAResource[] resources = adapter.getXAResources(
                new ActivationSpec[] {specFor(adapter, TestBroker.USER, TestBroker.PASSWORD)});

        assertThat(resources).hasSize(1);
        assertThat(resources[0].recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).containsExactly(xid);
        resources[0].commit(xid, false);
        assertThat(broker.preparedTransactions()).isEmpty();
        assertThat(broker.messageCount()).as("the delivered message is consumed").isZero();
    }

    @Test
    void aDeliveryPreparedBeforeTheRestartCanBeRolledBackAndIsDeliveredAgain() throws Exception {
        Xid xid = prepareDeliveryAndRestartBroker();
        adapter = started(noAutoRecovery(new RecoveringResourceAdapter()), null);

        XAResource resource = adapter.getXAResources(
                new ActivationSpec[] {specFor(adapter, TestBroker.USER, TestBroker.PASSWORD)})[0];
        resource.rollback(xid);

        assertThat(broker.preparedTransactions()).isEmpty();
        assertThat(broker.receive()).isEqualTo("order 1");
    }

    @Test
    void aSpecWithoutUserRecoversAsTheAdaptersUser() throws Exception {
        Xid xid = prepareDeliveryAndRestartBroker();
        adapter = started(noAutoRecovery(new RecoveringResourceAdapter()), TestBroker.USER);

        XAResource[] resources = adapter.getXAResources(new ActivationSpec[] {specFor(adapter, null, null),
                specFor(adapter, null, null)});

        assertThat(resources).as("one resource per user").hasSize(1);
        assertThat(resources[0].recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).containsExactly(xid);
    }

    @Test
    void wrongCredentialsFailAsAResourceManagerErrorSoTheTransactionManagerTriesAgain() throws Exception {
        prepareDeliveryAndRestartBroker();
        adapter = started(noAutoRecovery(new RecoveringResourceAdapter()), null);

        XAResource resource = adapter.getXAResources(new ActivationSpec[] {specFor(adapter, TestBroker.USER, "wrong")})[0];

        assertThatThrownBy(() -> resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN))
                .isInstanceOfSatisfying(XAException.class, e -> assertThat(e.errorCode).isEqualTo(XAException.XAER_RMFAIL));
        assertThat(broker.preparedTransactions()).hasSize(1);
    }

    @Test
    void withAutoRecoveryTheServersRegistryRecoversAsInArtemis() throws Exception {
        RecoveringResourceAdapter auto = new RecoveringResourceAdapter();
        auto.setUseAutoRecovery(true);
        adapter = started(auto, null);

        assertThat(adapter.getXAResources(new ActivationSpec[] {specFor(adapter, TestBroker.USER, TestBroker.PASSWORD)}))
                .isNull();
    }

    /** A message-driven bean's session received the message and prepared; then the broker stopped. */
    private Xid prepareDeliveryAndRestartBroker() throws Exception {
        Xid xid = new XidImpl("mdb".getBytes(StandardCharsets.UTF_8), 0x57415344,
                UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        XAConnection connection = broker.xaConnection();
        XASession session = connection.createXASession();
        Queue queue = session.createQueue(TestBroker.QUEUE);
        MessageConsumer consumer = session.createConsumer(queue);
        connection.start();
        XAResource resource = session.getXAResource();
        resource.start(xid, XAResource.TMNOFLAGS);
        Message message = consumer.receive(5_000);
        assertThat(message.getBody(String.class)).isEqualTo("order 1");
        resource.end(xid, XAResource.TMSUCCESS);
        assertThat(resource.prepare(xid)).isEqualTo(XAResource.XA_OK);
        broker.restart();
        assertThat(broker.preparedTransactions()).containsExactly(xid);
        return xid;
    }

    private static ActiveMQResourceAdapter started(ActiveMQResourceAdapter ra, String user) throws Exception {
        ra.setConnectorClassName("org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnectorFactory");
        ra.setConnectionParameters("serverId=0");
        if (user != null) {
            ra.setUserName(user);
            ra.setPassword(TestBroker.PASSWORD);
        }
        // the adapter reads only the transaction registry from its context; the test has none
        ra.start((BootstrapContext) Proxy.newProxyInstance(BootstrapContext.class.getClassLoader(),
                new Class<?>[] {BootstrapContext.class}, (proxy, method, args) -> null));
        return ra;
    }

    private static ActiveMQResourceAdapter noAutoRecovery(ActiveMQResourceAdapter ra) {
        ra.setUseAutoRecovery(false);
        return ra;
    }

    /** An activation spec as a server creates it for recovery: new, never activated. */
    private static ActivationSpec specFor(ActiveMQResourceAdapter ra, String user, String password) throws Exception {
        ActiveMQActivationSpec spec = new ActiveMQActivationSpec();
        spec.setResourceAdapter(ra);
        spec.setDestination(TestBroker.QUEUE);
        spec.setDestinationType("jakarta.jms.Queue");
        if (user != null) {
            spec.setUser(user);
            spec.setPassword(password);
        }
        return spec;
    }
}
