package io.sourceflow.twoservers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.sample.tokens.TestKeys;
import io.sourceflow.sample.tokens.Tls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wire between the servers: A's messaging engine listens with TLS only, presenting the build's certificate, and
 * B reaches it that way (every other test of this module runs through that connection); no log file of the two
 * servers, first-failure data included, holds the messaging password.
 */
class MessagingWireIT {

    private static final int PORT = Integer.getInteger("two.a.wasjms.port", 19211);

    @BeforeAll
    static void serversAreReady() {
        Servers.awaitReady();
    }

    @Test
    void theEnginesPortCompletesAHandshakeWithTheBuildsCertificateAndNoOther(@TempDir Path other) throws Exception {
        try (SSLSocket socket = (SSLSocket) Tls.ofBuild().getSocketFactory().createSocket("127.0.0.1", PORT)) {
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).startsWith("TLSv1.");
        }
        TestKeys.ensure(other);
        try (SSLSocket socket = (SSLSocket) Tls.trusting(other).getSocketFactory().createSocket("127.0.0.1", PORT)) {
            assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void theEngineOpensItsSecureChainOnly() throws Exception {
        List<String> a = Files.readAllLines(Servers.log("a"));
        // CWWKO0219I: a TCP channel listening; the engine's secure chain is InboundJmsCommsEndpoint-ssl
        assertThat(a).anyMatch(line -> line.contains("CWWKO0219I") && line.contains("InboundJmsCommsEndpoint-ssl")
                && line.contains("port " + PORT));
        assertThat(a).noneMatch(line -> line.contains("CWWKO0219I") && line.contains("InboundJmsCommsEndpoint ")
                || line.contains("CWWKO0219I") && line.contains("InboundJmsCommsEndpoint-tcp"));
    }

    @Test
    void noLogOfEitherServerHoldsTheMessagingPassword() throws Exception {
        String password = TestKeys.messagingPassword(TestKeys.ofBuild());
        for (String server : List.of("a", "b")) {
            try (Stream<Path> files = Files.walk(Servers.log(server).getParent())) {
                assertThat(files.filter(Files::isRegularFile).toList()).isNotEmpty()
                        .allSatisfy(file -> assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as("%s", file)
                                .doesNotContain(password));
            }
        }
    }
}
