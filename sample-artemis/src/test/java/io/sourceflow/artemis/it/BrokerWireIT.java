package io.sourceflow.artemis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.sample.tokens.TestKeys;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.QueueBrowser;
import java.nio.file.Path;
import java.util.Collections;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wire to the broker, from a plain Jakarta JMS client: its one acceptor takes TLS only, with the build's
 * certificate, and only the account whose password is the build's {@code messaging_password}. The servers reach it
 * the same way (every other test of this module runs through those connections).
 */
class BrokerWireIT {

    @Test
    void aClientTrustingTheBuildsCertificateWithTheAccountConnects() throws Exception {
        try (ActiveMQConnectionFactory factory = Broker.factory(); JMSContext context = factory.createContext()) {
            try (QueueBrowser browser = context.createBrowser(context.createQueue(Broker.COMMANDS))) {
                assertThat(Collections.list(browser.getEnumeration())).isNotNull();
            }
        }
    }

    @Test
    void aClientWithoutTlsIsRefused() {
        try (ActiveMQConnectionFactory factory = quick(new ActiveMQConnectionFactory(address(""), Broker.user(),
                Broker.password()))) {
            assertThatThrownBy(() -> factory.createContext().close()).isInstanceOf(JMSRuntimeException.class);
        }
    }

    @Test
    void aClientTrustingAnotherCertificateIsRefused(@TempDir Path other) throws Exception {
        TestKeys.ensure(other);
        String tls = "?sslEnabled=true&trustStoreType=PKCS12&trustStorePath=" + other.resolve(TestKeys.TRUST_STORE)
                + "&trustStorePassword=" + TestKeys.keystorePassword(other);
        try (ActiveMQConnectionFactory factory = quick(new ActiveMQConnectionFactory(address(tls), Broker.user(),
                Broker.password()))) {
            assertThatThrownBy(() -> factory.createContext().close()).isInstanceOf(JMSRuntimeException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithTheBrokersReason() {
        try (ActiveMQConnectionFactory factory = quick(new ActiveMQConnectionFactory(Broker.url(), Broker.user(),
                Broker.password() + "-wrong"))) {
            assertThatThrownBy(() -> factory.createContext().close()).isInstanceOf(JMSSecurityRuntimeException.class)
                    .hasMessageContaining("AMQ229031");
        }
    }

    private static String address(String parameters) {
        return "tcp://127.0.0.1:" + System.getProperty("art.broker.port", "19361") + parameters;
    }

    /** One attempt, a short call timeout: a refused connection fails in seconds. */
    private static ActiveMQConnectionFactory quick(ActiveMQConnectionFactory factory) {
        factory.setInitialConnectAttempts(1);
        factory.setReconnectAttempts(0);
        factory.setCallTimeout(5_000);
        return factory;
    }
}
