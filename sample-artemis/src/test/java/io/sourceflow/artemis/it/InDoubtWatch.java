package io.sourceflow.artemis.it;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the broker's prepared transactions during a load run and keeps the deliveries (messages
 * consumed, not sent) they held for a second or more: held in doubt because the transaction manager
 * that prepared them went away (a killed server, or a stopped broker) and decides only when it comes
 * back, while the broker hands the entity's later messages to other consumers. A two-phase
 * commit whose manager lives holds its delivery for milliseconds; polling every 250 ms with a
 * threshold of a second tells the two apart. What the broker holds prepared when it answers again
 * after a restart survived the restart, and is held in doubt whatever its age.
 */
final class InDoubtWatch implements AutoCloseable {

    private static final Duration HELD = Duration.ofSeconds(1);

    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "in-doubt-watch");
        thread.setDaemon(true); // a failed test that never closes the watch does not keep the JVM alive
        return thread;
    });
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private volatile boolean unreachable;

    private InDoubtWatch() {
    }

    /** Starts polling the broker. */
    static InDoubtWatch start() {
        InDoubtWatch watch = new InDoubtWatch();
        watch.poller.scheduleWithFixedDelay(watch::poll, 0, 250, TimeUnit.MILLISECONDS);
        return watch;
    }

    /** The message ids of the deliveries held prepared for a second or more so far. */
    Set<String> held() {
        return Set.copyOf(held);
    }

    private void poll() {
        Set<String> now;
        try {
            now = Broker.preparedReceives();
        } catch (UncheckedIOException | IllegalStateException e) {
            // the broker is stopped (connection refused) or its management is still starting: nothing
            // to see until it answers again, and what it held prepared it still holds then
            unreachable = true;
            return;
        }
        if (unreachable) {
            held.addAll(now);
            unreachable = false;
        }
        long at = System.nanoTime();
        for (String id : now) {
            if (at - firstSeen.computeIfAbsent(id, k -> at) >= HELD.toNanos()) {
                held.add(id);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        poller.shutdownNow();
        poller.awaitTermination(10, TimeUnit.SECONDS);
    }
}
