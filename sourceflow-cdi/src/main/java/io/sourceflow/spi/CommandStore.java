package io.sourceflow.spi;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The append-only command log: per entity, gap-free and ordered by sequence number. An entity is
 * its type's name ({@link io.sourceflow.EntityType}) and its id: two types with equal ids have two
 * logs and two sequences.
 *
 * <p>{@link #append} claims the entity's next sequence number and writes the command under it in
 * the current unit of work (the JTA transaction, where there is one). Two writers that claim the
 * same number must not both succeed: the loser gets a {@link io.sourceflow.ConcurrencyException}.
 */
public interface CommandStore {

    /**
     * Claims the next sequence number of the envelope's entity and appends the command under it.
     * The entity is the metadata's {@code entityType} (set by the bus; the empty name when no saga
     * here handles the command) and the command's entity id; the envelope's own {@code sequenceNo}
     * is ignored.
     *
     * @param envelope the command and its metadata
     * @return the claimed sequence number, from 1
     * @throws io.sourceflow.ConcurrencyException when another writer holds or took the number
     * @throws NullPointerException when the metadata has no entity type
     */
    long append(Envelope<? extends Command> envelope);

    /**
     * Waits for the entity's lock, held until the current transaction ends: the lock an append takes,
     * so that what the caller reads of the entity's log next is all there is until it commits (a
     * replay takes it before it reads the log, so that no command of the entity is appended while it
     * re-runs it). Nothing happens for an entity without a log. A store whose {@link #load} takes the
     * lock itself keeps the default, which does nothing.
     *
     * @param entityType the entity's type name
     * @param entityId the entity's id
     * @throws io.sourceflow.ConcurrencyException when the lock cannot be had
     */
    default void lock(String entityType, String entityId) {
    }

    /**
     * When the entity's first command was appended to this log, by the clock of the server that
     * appended it (not when the command was made, which a command received from another server or
     * re-driven from a dead letter may have been long before): a rebuild of views tells by it the
     * entities created since it started ({@link io.sourceflow.ViewRebuilds}). By default the first
     * command's {@code occurredOn}, for a store that keeps no time of its own.
     *
     * @param entityType the entity's type name
     * @param entityId the entity's id
     * @return the time, or empty when the entity has no log
     */
    default Optional<Instant> firstLoggedOn(String entityType, String entityId) {
        try (Stream<Envelope<Command>> commands = load(entityType, entityId)) {
            return commands.findFirst().map(first -> first.metadata().occurredOn());
        }
    }

    /**
     * Streams an entity's commands in sequence order, each with the metadata it was logged with
     * (its {@code entityType} and {@code sequenceNo} set). Close the stream when done.
     *
     * @param entityType the entity's type name
     * @param entityId the entity's id
     * @return the commands, empty when the entity has none
     * @throws io.sourceflow.UnknownMessageTypeException when a stored type alias is unknown
     * @throws io.sourceflow.MessageFormatException when a stored command cannot be read
     */
    Stream<Envelope<Command>> load(String entityType, String entityId);

    /**
     * Streams an entity's commands after a sequence number, in sequence order: a page of its history
     * when the caller limits the stream. Close the stream when done.
     *
     * @param entityType the entity's type name
     * @param entityId the entity's id
     * @param afterSequenceNo the commands numbered above this one; 0 for all
     * @return the commands, empty when there are none after it
     */
    default Stream<Envelope<Command>> load(String entityType, String entityId, long afterSequenceNo) {
        return load(entityType, entityId).filter(command -> command.metadata().sequenceNo() > afterSequenceNo);
    }

    /**
     * A page of the ids of a type's entities that have a log, in the store's order of ids (the
     * database's collation for a database; {@link String#compareTo} in memory): what a job that visits
     * every entity of a type reads, a page at a time, holding only the last id between pages.
     *
     * @param entityType the entity type's name
     * @param afterId the id after which the page starts; {@code null} for the first page
     * @param max the most ids to return, at least 1
     * @return the ids, in order; fewer than {@code max} (or none) past the end
     * @throws IllegalArgumentException when {@code max} is below 1
     */
    List<String> entityIds(String entityType, String afterId, int max);

    /**
     * Whether the log holds a command of the entity under the number: after a
     * {@link io.sourceflow.DuplicateKeyException}, asked once the failed transaction has ended, it
     * tells a lost race (another writer holds the number) from a unique key of the application's
     * own tables; asked for number 1, whether the entity has a log at all (what {@code replay} and
     * the history ask of each entity type when they are given an id alone).
     *
     * @param entityType the entity's type name
     * @param entityId the entity's id
     * @param sequenceNo the number, from 1
     * @return {@code true} when a committed command holds it
     */
    default boolean holds(String entityType, String entityId, long sequenceNo) {
        try (Stream<Envelope<Command>> next = load(entityType, entityId, sequenceNo - 1)) {
            return next.findFirst().filter(command -> command.metadata().sequenceNo() == sequenceNo).isPresent();
        }
    }
}
