package io.sourceflow.sample.it;

import static org.awaitility.Awaitility.await;

import io.sourceflow.sample.tokens.Tls;
import io.sourceflow.sample.tokens.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The running sample server the REST tests talk to: {@code http://127.0.0.1:${sample.http.port}}, or
 * {@code https://127.0.0.1:${sample.https.port}} when the server has HTTP turned off ({@code sample.https.only}),
 * started by the build (see sample-war/pom.xml and sample-wildfly/pom.xml). Its readiness is read
 * from {@code sample.health.url} (default {@code /health/ready} on the HTTP port, as on Open Liberty;
 * WildFly serves health on its management port).
 *
 * <p>Every request carries a bearer token of caller {@code it} with both roles, signed with the build's test key
 * ({@code sample.jwt.keys}, default {@code target/jwt}), unless it names its own {@code Authorization} header; an
 * empty one sends none.
 */
public final class SampleServer {

    private static final HttpClient CLIENT = client(isHttpsOnly());
    /**
     * How long one request may take before it fails. Generous: it only stops a test that waits for a server that
     * hangs, and on a loaded machine eight concurrent clients once needed more than a minute for one reply.
     */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    private static final String AUTHORIZATION = "Authorization";
    private static final String EVERY_ROLE = Tokens.everyRole();

    private SampleServer() {
    }

    /**
     * The server's base address.
     *
     * @return for example {@code http://127.0.0.1:19080}
     */
    public static URI base() {
        return isHttpsOnly() ? httpsBase() : URI.create("http://127.0.0.1:" + System.getProperty("sample.http.port", "9080"));
    }

    /**
     * The server's HTTPS address ({@code sample.https.port}).
     *
     * @return for example {@code https://127.0.0.1:19143}
     */
    public static URI httpsBase() {
        return URI.create("https://127.0.0.1:" + System.getProperty("sample.https.port", "9443"));
    }

    /**
     * Whether the server has HTTP turned off ({@code sample.https.only}): every test then calls it over HTTPS.
     *
     * @return {@code true} when it serves HTTPS only
     */
    public static boolean isHttpsOnly() {
        return Boolean.getBoolean("sample.https.only");
    }

    /**
     * A client; one for HTTPS trusts the build's test certificate alone.
     *
     * @param https whether it calls over HTTPS
     * @return the client
     */
    public static HttpClient client(boolean https) {
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        return (https ? client.sslContext(Tls.ofBuild()) : client).build();
    }

    /**
     * Where the server reports readiness.
     *
     * @return {@code sample.health.url}, or {@code /health/ready} on {@link #base()}
     */
    public static URI healthUrl() {
        String url = System.getProperty("sample.health.url");
        return url == null ? base().resolve("/health/ready") : URI.create(url);
    }

    /** Waits until the sample reports ready (its database is reachable). */
    public static void awaitReady() {
        URI health = healthUrl();
        await("sample ready at " + health).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .ignoreException(UncheckedIOException.class)
                .until(() -> send(HttpRequest.newBuilder(health).GET(), Map.of()).status() == 200);
    }

    /**
     * GET.
     *
     * @param path the path, from the server root
     * @return the reply
     */
    public static Reply get(String path) {
        return send(HttpRequest.newBuilder(base().resolve(path)).GET(), Map.of());
    }

    /**
     * POST with a JSON body.
     *
     * @param path the path, from the server root
     * @param json the body
     * @return the reply
     */
    public static Reply post(String path, String json) {
        return post(path, json, Map.of());
    }

    /**
     * POST with a JSON body and extra headers.
     *
     * @param path the path, from the server root
     * @param json the body
     * @param headers extra request headers
     * @return the reply
     */
    public static Reply post(String path, String json, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(base().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    /**
     * Sends a prepared request.
     *
     * @param request the request
     * @param headers extra request headers; an empty value sends no such header
     * @return the reply
     */
    public static Reply send(HttpRequest.Builder request, Map<String, String> headers) {
        headers.forEach((name, value) -> {
            if (!value.isEmpty()) {
                request.header(name, value);
            }
        });
        if (!headers.containsKey(AUTHORIZATION)) {
            request.header(AUTHORIZATION, EVERY_ROLE);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("SourceFlow-Sequence-No").map(Long::valueOf).orElse(0L),
                    response.body());
        } catch (ConnectException e) {
            throw new UncheckedIOException("Sample server not reachable at " + request.build().uri(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * An HTTP reply.
     *
     * @param status the status code
     * @param contentType the Content-Type header, or empty
     * @param location the Location header, or null
     * @param sequenceNo the SourceFlow-Sequence-No header, or 0
     * @param body the body text
     */
    public record Reply(int status, String contentType, String location, long sequenceNo, String body) {

        /** @return the body as JSON */
        public JsonStructure json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        /** @return the body as a JSON object */
        public JsonObject object() {
            return json().asJsonObject();
        }

        /** @return the body as a JSON array */
        public java.util.List<JsonValue> array() {
            return json().asJsonArray();
        }
    }
}
