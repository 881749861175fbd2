package io.sourceflow.twoservers.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The two servers the build started (see the module's pom.xml): A handles the commands and hosts
 * the messaging engine, B serves the API and the views. A can be killed and started again.
 */
final class Servers {

    private Servers() {
    }

    static URI a(String path) {
        return URI.create("http://127.0.0.1:" + System.getProperty("two.a.http.port", "19210") + path);
    }

    static URI b(String path) {
        return URI.create("http://127.0.0.1:" + System.getProperty("two.b.http.port", "19220") + path);
    }

    /** Waits until both report ready. */
    static void awaitReady() {
        awaitReady(a("/health/ready"));
        awaitReady(b("/health/ready"));
    }

    static void awaitReady(URI health) {
        await("ready: " + health).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .ignoreException(UncheckedIOException.class)
                .until(() -> Http.get(health).status() == 200);
    }

    /** Kills server A's process at once (no shutdown), as a crash would. */
    static void killA() throws Exception {
        Path pidFile = wlp().resolve("usr/servers/.pid/" + serverA() + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        process.destroyForcibly();
        process.onExit().get(60, TimeUnit.SECONDS).pid();
    }

    /** Starts server A with its configuration as the build created it, and waits until it is ready. */
    static void startA() throws IOException, InterruptedException {
        Process start = new ProcessBuilder(wlp().resolve("bin/server").toString(), "start", serverA())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!start.waitFor(3, TimeUnit.MINUTES) || start.exitValue() != 0) {
            throw new IllegalStateException("server start " + serverA() + " failed: exit " + start.exitValue());
        }
        awaitReady(a("/health/ready"));
    }

    /**
     * A server's current {@code messages.log}.
     *
     * @param server {@code "a"} or {@code "b"}
     * @return its path
     */
    static Path log(String server) {
        String name = server.equals("a") ? serverA() : System.getProperty("two.b.server", "sample-b");
        return wlp().resolve("usr/servers/" + name + "/logs/messages.log");
    }

    private static Path wlp() {
        return Path.of(System.getProperty("two.wlp.home", "target/liberty/wlp"));
    }

    private static String serverA() {
        return System.getProperty("two.a.server", "sample-a");
    }
}
