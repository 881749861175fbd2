package io.sourceflow.artemis.it;

import io.sourceflow.sample.tokens.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for the server's REST API and the broker's Jolokia endpoint. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Every request's token: caller {@code it} with both roles, signed with this build's test key. */
    private static final String BEARER = Tokens.everyRole();

    private Http() {
    }

    static URI server(String path) {
        return URI.create("http://127.0.0.1:" + System.getProperty("art.a.http.port", "19300") + path);
    }

    static Reply get(URI uri) {
        return get(uri, Map.of("Authorization", BEARER));
    }

    /** A GET with these headers only (the broker's console takes its own credentials, not the servers' token). */
    static Reply get(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        headers.forEach(request::header);
        return send(request);
    }

    static Reply postJson(URI uri, String json) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json").header("Authorization", BEARER)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Whether the URI answers 200. */
    static boolean reachable(URI uri) {
        try {
            return get(uri).status() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A response.
     *
     * @param status the HTTP status
     * @param contentType the media type
     * @param body the body text
     */
    record Reply(int status, String contentType, String body) {

        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        JsonArray array() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
