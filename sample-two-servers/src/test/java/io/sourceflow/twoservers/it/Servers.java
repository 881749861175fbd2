package io.sourceflow.twoservers.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The two servers the build started (see the module's pom.xml): A handles the commands and hosts
 * the messaging engine, B serves the API and the views. A can be killed and started again.
 */
final class Servers {

    /** What a server writes while it runs: not copied into another server. */
    private static final Set<String> RUNTIME_FOLDERS = Set.of("logs", "workarea", "tranlog", "messaging");

    private Servers() {
    }

    static URI a(String path) {
        return URI.create("http://127.0.0.1:" + System.getProperty("two.a.http.port", "19210") + path);
    }

    static URI b(String path) {
        return URI.create("http://127.0.0.1:" + System.getProperty("two.b.http.port", "19220") + path);
    }

    static URI c(String path) {
        return URI.create("http://127.0.0.1:" + Integer.getInteger("two.c.http.port", 19230) + path);
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
        server("start", serverA());
        awaitReady(a("/health/ready"));
    }

    /**
     * Starts a third server, a copy of B's folder (configuration, applications, driver) under another name, with
     * its own HTTP port and durable subscription and the given messaging password, and waits until it is ready.
     *
     * @param name the new server's name; a folder of that name left by an earlier run is replaced
     * @param httpPort its HTTP port
     * @param messagingPassword the password it connects to A's engine with
     */
    static void startCopyOfB(String name, int httpPort, String messagingPassword) throws IOException, InterruptedException {
        Path b = wlp().resolve("usr/servers/" + System.getProperty("two.b.server", "sample-b"));
        Path copy = wlp().resolve("usr/servers/" + name);
        if (Files.exists(copy)) {
            // a copy an earlier run left running (its test JVM died) is stopped first
            server("stop", name);
            try (Stream<Path> old = Files.walk(copy)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        try (Stream<Path> files = Files.walk(b)) {
            for (Path path : files.toList()) {
                Path relative = b.relativize(path);
                if (relative.getNameCount() > 0 && RUNTIME_FOLDERS.contains(relative.getName(0).toString())) {
                    continue;
                }
                Files.copy(path, copy.resolve(relative.toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Path bootstrap = copy.resolve("bootstrap.properties");
        String properties = Files.readString(bootstrap).replaceAll("(?m)^http\\.port=.*$", "http.port=" + httpPort)
                + "\nsourceflow.jms.consumer=" + name + "\nmessaging.password=" + messagingPassword + "\n";
        Files.writeString(bootstrap, properties);
        for (Path secret : List.of(bootstrap, copy.resolve("server.env"))) {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        }
        server("start", name);
        awaitReady(URI.create("http://127.0.0.1:" + httpPort + "/health/ready"));
    }

    /**
     * Stops a server started by {@link #startCopyOfB}; its folder stays, with its logs.
     *
     * @param name its name
     */
    static void stop(String name) throws IOException, InterruptedException {
        server("stop", name);
    }

    private static void server(String action, String name) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(wlp().resolve("bin/server").toString(), action, name)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("server " + action + " " + name + " did not finish in 3 minutes");
        }
        // stop answers 1 for a server that is not running
        if (process.exitValue() != 0 && !(action.equals("stop") && process.exitValue() == 1)) {
            throw new IllegalStateException("server " + action + " " + name + " failed: exit " + process.exitValue());
        }
    }

    /**
     * A server's current {@code messages.log}.
     *
     * @param server {@code "a"}, {@code "b"} or the name of another server of this installation
     * @return its path
     */
    static Path log(String server) {
        String name = switch (server) {
            case "a" -> serverA();
            case "b" -> System.getProperty("two.b.server", "sample-b");
            default -> server;
        };
        return wlp().resolve("usr/servers/" + name + "/logs/messages.log");
    }

    /**
     * The incident files (First Failure Data Capture) a server wrote that mention a text.
     *
     * @param server as for {@link #log(String)}
     * @param text what they mention, such as an entity's id
     * @return their paths
     * @throws IOException when the folder cannot be read
     */
    static List<Path> incidentsNaming(String server, String text) throws IOException {
        Path ffdc = log(server).resolveSibling("ffdc");
        if (!Files.isDirectory(ffdc)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(ffdc)) {
            List<Path> naming = new ArrayList<>();
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("ffdc_")).toList()) {
                if (Files.readString(file, StandardCharsets.ISO_8859_1).contains(text)) {
                    naming.add(file);
                }
            }
            return naming;
        }
    }

    private static Path wlp() {
        return Path.of(System.getProperty("two.wlp.home", "target/liberty/wlp"));
    }

    private static String serverA() {
        return System.getProperty("two.a.server", "sample-a");
    }
}
