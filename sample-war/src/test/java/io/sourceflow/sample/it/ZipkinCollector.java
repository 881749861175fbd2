package io.sourceflow.sample.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Receives the spans the test server exports, on 127.0.0.1, port {@code sample.zipkin.port}, for
 * the whole failsafe run, so that no export fails while other tests run: Zipkin JSON v2 on
 * {@code /api/v2/spans} (Open Liberty's Zipkin exporter) and OTLP over HTTP (protobuf) on
 * {@code /v1/traces} (WildFly ships only the OTLP exporter), the latter turned into the same Zipkin
 * v2 JSON shape ({@code traceId}, {@code id}, {@code parentId}, {@code name}, {@code kind},
 * {@code tags}). Does nothing when the property is absent (unit tests). The port is released when
 * the launcher session closes, whatever the tests did.
 */
public final class ZipkinCollector implements LauncherSessionListener {

    private static final Logger LOG = Logger.getLogger(ZipkinCollector.class.getName());
    private static final ConcurrentLinkedQueue<JsonObject> SPANS = new ConcurrentLinkedQueue<>();

    private HttpServer server;

    /**
     * Every span received so far, as Zipkin v2 JSON objects.
     *
     * @return a copy
     */
    public static List<JsonObject> spans() {
        return List.copyOf(SPANS);
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String port = System.getProperty("sample.zipkin.port");
        if (port == null || server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(port)), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for spans on 127.0.0.1:" + port, e);
        }
        try {
            server.createContext("/api/v2/spans", this::receive);
            server.createContext("/v1/traces", this::receiveOtlp);
            server.start();
        } catch (RuntimeException e) {
            server.stop(0);
            server = null;
            throw e;
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private void receiveOtlp(HttpExchange exchange) throws IOException {
        try (exchange) {
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            try {
                SPANS.addAll(OtlpSpans.read(body.readAllBytes()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Unreadable OTLP span export", e);
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            // an empty ExportTraceServiceResponse
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            try (JsonReader reader = Json.createReader(body)) {
                for (JsonValue span : reader.readArray()) {
                    SPANS.add(span.asJsonObject());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Unreadable span export", e);
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.sendResponseHeaders(202, -1);
        }
    }
}
