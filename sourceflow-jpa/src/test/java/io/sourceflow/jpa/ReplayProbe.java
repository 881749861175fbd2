package io.sourceflow.jpa;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.spi.CommandDispatchMiddleware;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches a replay from inside it: counts the replayed envelopes and keeps only a weak reference
 * to each one's command, so the probe itself holds none of them. Every {@link #CHECKPOINT}
 * commands it collects garbage and records how many of the commands replayed so far are still
 * reachable from anything: what the replay holds at once.
 */
@ApplicationScoped
public class ReplayProbe implements CommandDispatchMiddleware {

    /** Commands between two counts. */
    static final int CHECKPOINT = 10_000;
    /** Full collections tried at a checkpoint before the count is taken as it is. */
    private static final int COLLECTIONS = 5;

    private final List<WeakReference<Command>> replayed = new ArrayList<>();
    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private int bound = Integer.MAX_VALUE;

    /** What a checkpoint saw. */
    record Checkpoint(int replayed, int reachable, long usedHeap) {
    }

    /**
     * Starts over.
     *
     * @param bound the number of reachable commands at which a checkpoint stops collecting
     */
    synchronized void reset(int bound) {
        replayed.clear();
        checkpoints.clear();
        this.bound = bound;
    }

    @Override
    public synchronized void handle(Envelope<? extends Command> envelope, Next<Command> next) {
        next.proceed(envelope);
        if (!envelope.metadata().replay()) {
            return;
        }
        replayed.add(new WeakReference<>(envelope.message()));
        if (replayed.size() % CHECKPOINT == 0) {
            checkpoints.add(count());
        }
    }

    private Checkpoint count() {
        int reachable = Integer.MAX_VALUE;
        for (int i = 0; i < COLLECTIONS && reachable > bound; i++) {
            System.gc();
            reachable = (int) replayed.stream().filter(r -> r.get() != null).count();
        }
        Runtime runtime = Runtime.getRuntime();
        return new Checkpoint(replayed.size(), reachable, runtime.totalMemory() - runtime.freeMemory());
    }

    /** @return the number of replayed envelopes seen */
    synchronized int replayedCount() {
        return replayed.size();
    }

    /** @return the checkpoints, in order */
    synchronized List<Checkpoint> checkpoints() {
        return List.copyOf(checkpoints);
    }

    @Override
    public int getPriority() {
        return FlushPerCommand.PRIORITY + 1;
    }
}
