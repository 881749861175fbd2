package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.ConcurrencyException;
import io.sourceflow.Envelope;
import io.sourceflow.spi.CommandStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The default command log, in memory and thread-safe. Appending to (or loading) an entity's log
 * locks that entity until the unit of work ends, the in-memory counterpart of the database's
 * unique-key lock: concurrent writers of one entity queue up, and a writer that waits longer than
 * the timeout gets a {@link ConcurrencyException}. A transaction that does not commit removes what
 * it appended.
 * Nothing survives a restart; add {@code sourceflow-jpa} for a durable log.
 */
@ApplicationScoped
public class InMemoryCommandStore implements CommandStore {

    static final long LOCK_TIMEOUT_SECONDS = 10;

    private final ConcurrentHashMap<Key, EntityLog> logs = new ConcurrentHashMap<>();

    @Inject
    UnitOfWork transaction;

    @Override
    public long append(Envelope<? extends Command> envelope) {
        String entityType = Objects.requireNonNull(envelope.metadata().entityType(), "the metadata's entity type");
        Key key = new Key(entityType, envelope.message().entity().id());
        EntityLog log = logs.get(key);
        if (log == null) {
            log = logs.computeIfAbsent(key, EntityLog::new);
        }
        boolean held = lock(log, envelope);
        List<Envelope<? extends Command>> commands = log.commands;
        commands.add(envelope);
        int sequenceNo = commands.size();
        EntityLog logged = log;
        if (sequenceNo == 1) {
            logged.firstLoggedOn = Instant.now();
        }
        transaction.undoOnRollback(() -> {
            commands.remove(sequenceNo - 1);
            if (sequenceNo == 1) {
                logged.firstLoggedOn = null;
            }
        });
        if (!held) {
            log.lock.unlock();
        }
        return sequenceNo;
    }

    @Override
    public Stream<Envelope<Command>> load(String entityType, String entityId) {
        EntityLog log = logs.get(new Key(entityType, entityId));
        if (log == null) {
            return Stream.empty();
        }
        boolean held = lock(log, null);
        List<Envelope<? extends Command>> commands = new ArrayList<>(log.commands);
        if (!held) {
            log.lock.unlock();
        }
        return IntStream.range(0, commands.size()).mapToObj(i -> logged(commands.get(i), i + 1));
    }

    @Override
    public Optional<Instant> firstLoggedOn(String entityType, String entityId) {
        EntityLog log = logs.get(new Key(entityType, entityId));
        return log == null ? Optional.empty() : Optional.ofNullable(log.firstLoggedOn);
    }

    @Override
    public List<String> entityIds(String entityType, String afterId, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("A page of entity ids holds at least 1, not " + max);
        }
        return logs.entrySet().stream()
                .filter(e -> e.getKey().type().equals(entityType) && (afterId == null || e.getKey().id().compareTo(afterId) > 0))
                .filter(e -> !e.getValue().commands.isEmpty())
                .map(e -> e.getKey().id()).sorted().limit(max).toList();
    }

    /**
     * Locks the entity; returns true when the transaction now holds the lock until it ends (after
     * its undo actions have run), false when there is none and the caller releases it.
     */
    private boolean lock(EntityLog log, Envelope<?> appending) {
        try {
            if (!log.lock.tryLock(LOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new ConcurrencyException(log.key + " stayed locked by another writer for "
                        + LOCK_TIMEOUT_SECONDS + " s" + (appending == null ? "" : " while appending " + appending.describe()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrencyException("Interrupted while waiting to lock " + log.key, e);
        }
        return transaction.holdUntilEnd(log.lock);
    }

    private static Envelope<Command> logged(Envelope<? extends Command> envelope, long sequenceNo) {
        return new Envelope<>(envelope.message(), envelope.metadata().withSequenceNo(sequenceNo));
    }

    /** An entity: its type's name and its id. */
    private record Key(String type, String id) {
        @Override
        public String toString() {
            return "Entity '" + id + "' of type '" + type + "'";
        }
    }

    /** One entity's commands; index i holds sequence number i + 1. Guarded by its lock. */
    private static final class EntityLog {
        final Key key;
        final ReentrantLock lock = new ReentrantLock();
        final List<Envelope<? extends Command>> commands = new ArrayList<>();
        /** When its first command was appended; null without one. */
        volatile Instant firstLoggedOn;

        EntityLog(Key key) {
            this.key = key;
        }
    }
}
