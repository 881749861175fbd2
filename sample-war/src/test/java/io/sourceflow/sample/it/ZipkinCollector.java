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
 * Receives the spans the test server exports with its Zipkin exporter (JSON v2 over HTTP on
 * 127.0.0.1, port {@code sample.zipkin.port}) for the whole failsafe run, so that no export fails
 * while other tests run. Does nothing when the property is absent (unit tests).
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
        server.createContext("/api/v2/spans", this::receive);
        server.start();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (server != null) {
            server.stop(0);
            server = null;
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
