package io.sourceflow.artemis.it;

import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.time.Duration;

/** The Liberty server the build started, and what every test waits for first. */
final class Server {

    private Server() {
    }

    /** The command MDB's sessions (the activation spec's maxSession). */
    static int sessions() {
        return Integer.parseInt(System.getProperty("art.command.sessions", "4"));
    }

    /** Waits until the server reports ready and every command MDB session consumes from the broker's queue. */
    static void awaitReady() {
        await("server ready").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .ignoreException(UncheckedIOException.class)
                .until(() -> Http.get(Http.server("/health/ready")).status() == 200);
        await("command MDB sessions on " + Broker.COMMANDS).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(Broker::consumerCount, count -> count == sessions());
    }
}
