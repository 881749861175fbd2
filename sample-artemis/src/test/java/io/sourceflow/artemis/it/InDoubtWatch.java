package io.sourceflow.artemis.it;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the broker's prepared transactions during a load run. It keeps the deliveries (messages
 * consumed, not sent) they held for a second or more: held in doubt because the transaction manager
 * that prepared them went away (a killed server, or a stopped broker) and decides only when it comes
 * back, while the broker hands the entity's later messages to other consumers. A two-phase
 * commit whose manager lives holds its delivery for milliseconds; polling every 250 ms with a
 * threshold of a second tells the two apart. What the broker holds prepared when it answers again
 * after a restart survived the restart, and is held in doubt whatever its age.
 *
 * <p>It also notes when it saw each sent message prepared (first and last poll), so that a failed
 * order check can say whether a command's send stayed in doubt after its server had answered.
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
    private final Map<String, Instant[]> sends = new ConcurrentHashMap<>();
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

    /** Sent messages seen prepared for a second or more (first to last poll), for the record. */
    long sendsHeld() {
        return sends.values().stream().filter(seen -> Duration.between(seen[0], seen[1]).compareTo(HELD) >= 0).count();
    }

    /** When the broker was seen holding a message's send prepared. */
    String describe(String messageId) {
        Instant[] seen = sends.get(messageId);
        return seen == null ? "its send never seen prepared" : "its send seen prepared from " + seen[0] + " to " + seen[1];
    }

    private void poll() {
        List<Broker.Prepared> now;
        try {
            now = Broker.prepared();
        } catch (UncheckedIOException | IllegalStateException e) {
            // the broker is stopped (connection refused) or its management is still starting: nothing
            // to see until it answers again, and what it held prepared it still holds then
            unreachable = true;
            return;
        }
        boolean afterRestart = unreachable;
        unreachable = false;
        long at = System.nanoTime();
        Instant wall = Instant.now();
        for (Broker.Prepared prepared : now) {
            String id = prepared.messageId();
            if (!prepared.receive()) {
                sends.computeIfAbsent(id, k -> new Instant[] {wall, wall})[1] = wall;
            } else if (afterRestart || at - firstSeen.computeIfAbsent(id, k -> at) >= HELD.toNanos()) {
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
