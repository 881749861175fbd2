package io.sourceflow.artemis.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The three servers the build started (see the module's pom.xml), all running the sample WAR and
 * consuming the broker's command queue: Liberty A and B (which also share the views' subscription)
 * and WildFly C. A Liberty server can be killed, started, and its command MDB paused and resumed.
 */
final class Servers {

    /** A server of the topology. */
    enum Server {
        /** Liberty, role views-artemis. */
        A("art.a.http.port", 19300, "art.a.server", "sample-artemis-a"),
        /** Liberty, role views-artemis. */
        B("art.b.http.port", 19310, "art.b.server", "sample-artemis-b"),
        /** WildFly, commands only. */
        C("art.c.http.port", 19330, null, null);

        private final String portProperty;
        private final int defaultPort;
        private final String nameProperty;
        private final String defaultName;

        Server(String portProperty, int defaultPort, String nameProperty, String defaultName) {
            this.portProperty = portProperty;
            this.defaultPort = defaultPort;
            this.nameProperty = nameProperty;
            this.defaultName = defaultName;
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + Integer.getInteger(portProperty, defaultPort) + path);
        }

        URI health() {
            return this == C
                    ? URI.create("http://127.0.0.1:" + Integer.getInteger("art.c.management.port", 21240) + "/health/ready")
                    : uri("/health/ready");
        }

        String libertyName() {
            if (nameProperty == null) {
                throw new IllegalStateException(this + " is not a Liberty server");
            }
            return System.getProperty(nameProperty, defaultName);
        }
    }

    private Servers() {
    }

    /** The command MDB's sessions on each server. */
    static int commandSessions() {
        return Integer.getInteger("art.command.sessions", 4);
    }

    /** The event MDB's sessions on each of the views servers (A and B). */
    static int eventSessions() {
        return Integer.getInteger("art.event.sessions", 2);
    }

    /** Waits until every server is ready and every MDB session of all three consumes from the broker. */
    static void awaitAllReady() {
        for (Server server : Server.values()) {
            awaitReady(server);
        }
        awaitConsumers(3 * commandSessions(), 2 * eventSessions());
    }

    static void awaitReady(Server server) {
        await("ready: " + server).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .ignoreException(UncheckedIOException.class)
                .until(() -> Http.get(server.health()).status() == 200);
    }

    static void awaitConsumers(int commands, int events) {
        await("consumers on the command queue and the views' subscription").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> Broker.consumerCount() == commands && Broker.viewConsumerCount() == events);
    }

    /** Kills a Liberty server's process at once (no shutdown), as a crash would. */
    static void kill(Server server) throws Exception {
        Path pidFile = wlp().resolve("usr/servers/.pid/" + server.libertyName() + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        process.destroyForcibly();
        process.onExit().get(60, TimeUnit.SECONDS);
    }

    /** Starts a Liberty server with its configuration as the build created it, and waits until it is ready. */
    static void start(Server server) throws IOException, InterruptedException {
        liberty("start", server.libertyName());
        awaitReady(server);
    }

    /**
     * Chooses the data source a stopped Liberty server uses when it starts next: which
     * liberty-config/datasource-*.xml its bootstrap property {@code sourceflow.database} names.
     */
    static void database(Server server, String database) throws IOException {
        Path bootstrap = wlp().resolve("usr/servers/" + server.libertyName() + "/bootstrap.properties");
        List<String> lines = Files.readAllLines(bootstrap).stream()
                .map(line -> line.startsWith("sourceflow.database=") ? "sourceflow.database=" + database : line).toList();
        Files.write(bootstrap, lines);
    }

    /** Pauses (or resumes) a Liberty server's command MDB: it stops (or starts again) taking messages. */
    static void commandListener(Server server, boolean running) throws IOException, InterruptedException {
        liberty(running ? "resume" : "pause", server.libertyName(), "--target=sourceflow-sample#sourceflow-sample.war#CommandListener");
    }

    /** Stops (or starts again) the delivery of WildFly C's command MDB, through its management CLI. */
    static void wildflyCommandListener(boolean running) throws IOException, InterruptedException {
        run(List.of(Path.of(System.getProperty("art.c.home")).resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=127.0.0.1:" + Integer.getInteger("art.c.management.port", 21240),
                "--command=/deployment=ROOT.war/subsystem=ejb3/message-driven-bean=CommandListener:"
                        + (running ? "start-delivery" : "stop-delivery")));
    }

    private static void liberty(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(wlp().resolve("bin/server").toString()));
        command.addAll(List.of(arguments));
        run(command);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static Path wlp() {
        return Path.of(System.getProperty("art.wlp.home", "target/liberty/wlp"));
    }
}
