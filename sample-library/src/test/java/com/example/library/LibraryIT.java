package com.example.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
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
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The library's API on Open Liberty, over HTTP: the JPA stores on Derby, problem details for errors. */
class LibraryIT {

    private static final URI BASE = URI.create(System.getProperty("library.url", "http://127.0.0.1:9080"));
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void serverIsReady() {
        await("the library answers").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(LibraryIT::answers);
    }

    @Test
    void aBookIsAddedLentRefusedToASecondMemberAndReturned() {
        String id = "b-" + UUID.randomUUID();

        HttpResponse<String> added = send("POST", "/api/books", "{\"id\": \"" + id + "\", \"title\": \"Dune\"}");
        HttpResponse<String> lent = send("POST", "/api/books/" + id + "/loan", "{\"member\": \"ann\"}");
        HttpResponse<String> refused = send("POST", "/api/books/" + id + "/loan", "{\"member\": \"bob\"}");
        HttpResponse<String> returned = send("POST", "/api/books/" + id + "/return", "{}");

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(added.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/books/" + id));
        assertThat(json(lent).getString("borrower")).isEqualTo("ann");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(refused).getString("detail")).isEqualTo("Book " + id + " is lent to ann");
        assertThat(json(returned).getBoolean("available")).isTrue();
        assertThat(json(returned).getInt("timesLent")).isEqualTo(1);
        assertThat(send("GET", "/api/books/" + id + "/history", null).body())
                .contains("library.AddBook", "library.LendBook", "library.ReturnBook").doesNotContain("bob");
    }

    @Test
    void anUnknownBookIs404AndASecondAddOfOneIs409() {
        String id = "b-" + UUID.randomUUID();
        send("POST", "/api/books", "{\"id\": \"" + id + "\", \"title\": \"Emma\"}");

        assertThat(send("GET", "/api/books/nothing-" + id, null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/books", "{\"id\": \"" + id + "\", \"title\": \"Emma\"}").statusCode()).isEqualTo(409);
        assertThat(send("POST", "/api/books/" + id + "/return", "{}").statusCode()).isEqualTo(422);
    }

    /** Whether the API answers (a 404 for a book that does not exist); not yet while the server starts. */
    private static boolean answers() {
        try {
            return send("GET", "/api/books/none", null).statusCode() == 404;
        } catch (UncheckedIOException notListeningYet) {
            return false;
        }
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(BASE.resolve(path)).timeout(Duration.ofMinutes(1))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
