package io.sourceflow.batch.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The server the build started (see the module's pom.xml), which a test can kill and start again. */
final class Server {

    private Server() {
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + System.getProperty("batch.http.port") + path);
    }

    static void awaitReady() {
        URI health = uri("/health/ready");
        await("ready: " + health).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .ignoreException(UncheckedIOException.class)
                .until(() -> Http.get(health).status() == 200);
    }

    /** Kills the server's process at once (no shutdown), as a crash would. */
    static void kill() throws Exception {
        Path pidFile = wlp().resolve("usr/servers/.pid/" + name() + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        process.destroyForcibly();
        process.onExit().get(60, TimeUnit.SECONDS);
    }

    /** Starts the server with its configuration as the build created it, and waits until it is ready. */
    static void start() throws IOException, InterruptedException {
        Process start = new ProcessBuilder(wlp().resolve("bin/server").toString(), "start", name())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!start.waitFor(3, TimeUnit.MINUTES) || start.exitValue() != 0) {
            throw new IllegalStateException("server start " + name() + " failed");
        }
        awaitReady();
    }

    private static String name() {
        return System.getProperty("batch.server");
    }

    private static Path wlp() {
        return Path.of(System.getProperty("batch.wlp.home", "target/liberty/wlp"));
    }
}
