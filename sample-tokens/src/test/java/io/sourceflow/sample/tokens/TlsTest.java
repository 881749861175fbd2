package io.sourceflow.sample.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's test certificate: for localhost and 127.0.0.1, in a keystore encrypted with the folder's keystore
 * password; a client trusting it completes a handshake with a server presenting it, a client trusting another
 * folder's does not.
 */
class TlsTest {

    @TempDir
    Path folder;

    @Test
    void theCertificateNamesTheLoopbackAddressAndAClientTrustingItConnects(@TempDir Path other) throws Exception {
        TestKeys.ensure(folder);
        TestKeys.ensure(other);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        char[] password = TestKeys.keystorePassword(folder).toCharArray();
        try (InputStream in = Files.newInputStream(folder.resolve(TestKeys.TLS_KEYSTORE))) {
            keys.load(in, password);
        }
        X509Certificate certificate = (X509Certificate) keys.getCertificate("sourceflow");
        assertThat(certificate.getSubjectAlternativeNames()).extracting(name -> (Object) name.get(1))
                .containsExactlyInAnyOrder("localhost", "127.0.0.1");

        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, password);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keyManagers.getKeyManagers(), null, null);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            URI uri = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
            HttpRequest request = HttpRequest.newBuilder(uri).build();
            assertThat(HttpClient.newBuilder().sslContext(Tls.trusting(folder)).build()
                    .send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(204);
            assertThatThrownBy(() -> HttpClient.newBuilder().sslContext(Tls.trusting(other)).build()
                    .send(request, HttpResponse.BodyHandlers.discarding())).isInstanceOf(SSLHandshakeException.class);
        } finally {
            server.stop(0);
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(folder.resolve(TestKeys.TRUST_STORE))) {
            trust.load(in, password);
        }
        assertThat(Collections.list(trust.aliases())).containsExactly("sourceflow");
        assertThat(trust.isCertificateEntry("sourceflow")).isTrue();
        assertThat(trust.getCertificate("sourceflow")).isEqualTo(certificate);
        assertThat(List.of(TestKeys.TLS_KEYSTORE, TestKeys.TLS_CERTIFICATE)).allSatisfy(f -> assertThat(folder.resolve(f)).isRegularFile());
    }

    @Test
    void aFolderWithoutACertificateIsNamed() {
        assertThatThrownBy(() -> Tls.trusting(folder)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(folder.toAbsolutePath().toString());
    }
}
