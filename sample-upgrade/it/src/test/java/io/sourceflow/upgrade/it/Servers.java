package io.sourceflow.upgrade.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The two servers the build started with release 1 (see the module's pom.xml): A handles the
 * commands and hosts the messaging engine, B serves the views and routes its commands to A. Each
 * can be upgraded: stopped, given release 2, started.
 */
enum Servers {
    A("upgrade.a"), B("upgrade.b");

    private final String key;

    Servers(String key) {
        this.key = key;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + System.getProperty(key + ".http.port") + path);
    }

    void awaitReady() {
        URI health = uri("/health/ready");
        await("ready: " + health).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .ignoreException(UncheckedIOException.class)
                .until(() -> Http.get(health).status() == 200);
    }

    /** Stops the server, puts release 2 in place of release 1 and starts it (with a clean work area). */
    void upgrade() throws IOException, InterruptedException {
        run("stop");
        Files.copy(Path.of(System.getProperty("upgrade.release-2.war")), serverDir().resolve("apps/sourceflow-sample.war"),
                StandardCopyOption.REPLACE_EXISTING);
        run("start", "--clean");
        awaitReady();
    }

    private void run(String... action) throws IOException, InterruptedException {
        String[] command = new String[action.length + 2];
        command[0] = wlp().resolve("bin/server").toString();
        command[1] = action[0];
        command[2] = serverName();
        System.arraycopy(action, 1, command, 3, action.length - 1);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("server " + String.join(" ", action) + " " + serverName() + " failed");
        }
    }

    private String serverName() {
        return System.getProperty(key + ".server");
    }

    private Path serverDir() {
        return wlp().resolve("usr/servers/" + serverName());
    }

    private static Path wlp() {
        return Path.of(System.getProperty("upgrade.wlp.home", "target/liberty/wlp"));
    }
}
