package io.sourceflow.sample.it;

import static io.sourceflow.sample.it.AccountApiIT.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.sample.tokens.Tokens;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The API over HTTPS ({@code sample.https.port}) with the build's test certificate: a client trusting it opens an
 * account; a client with the JDK's default trust is refused in the handshake; and where the Liberty server has HTTP
 * turned off ({@code sample.https.only}), its log shows the HTTPS listener started and no HTTP listener.
 */
@EnabledIfSystemProperty(named = "sample.https.port", matches = "\\d+")
class HttpsIT {

    @BeforeAll
    static void serverIsReady() {
        SampleServer.awaitReady();
    }

    @Test
    void theApiAnswersOverHttpsToAClientTrustingTheBuildsCertificate() throws Exception {
        String id = newId();
        HttpRequest open = HttpRequest.newBuilder(SampleServer.httpsBase().resolve("/api/accounts"))
                .header("Authorization", Tokens.everyRole()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(AccountApiIT.open(id, "Tess", "1"))).build();

        HttpResponse<String> reply = SampleServer.client(true).send(open, HttpResponse.BodyHandlers.ofString());

        assertThat(reply.statusCode()).isEqualTo(201);
        assertThat(reply.body()).contains("\"id\":\"" + id + "\"");
        assertThat(reply.uri().getScheme()).isEqualTo("https");
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefusedInTheHandshake() {
        HttpRequest health = HttpRequest.newBuilder(SampleServer.httpsBase().resolve("/health")).build();

        assertThatThrownBy(() -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(health, HttpResponse.BodyHandlers.discarding())).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    @EnabledIfSystemProperty(named = "sample.https.only", matches = "true")
    void theServerOpensNoHttpListenerWhenHttpIsTurnedOff() throws Exception {
        Path log = Path.of(System.getProperty("sample.wlp.home"), "usr", "servers", System.getProperty("sample.server.name"),
                "logs", "messages.log");

        List<String> listening = Files.readAllLines(log).stream().filter(line -> line.contains("CWWKO0219I")).toList();

        assertThat(listening).as("Liberty's listeners (CWWKO0219I) in " + log)
                .anyMatch(line -> line.contains("defaultHttpEndpoint-ssl ") && line.contains(System.getProperty("sample.https.port")))
                .noneMatch(line -> line.contains("TCP Channel defaultHttpEndpoint "));
    }
}
