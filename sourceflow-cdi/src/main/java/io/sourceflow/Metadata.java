package io.sourceflow;

import io.sourceflow.spi.SafeText;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the framework knows about a message, carried beside it in an {@link Envelope}.
 *
 * <p>A command's metadata is created by the {@link CommandBus}; an event raised while a command is
 * handled inherits the command's entity id, sequence number, correlation id and replay flag, and
 * names the command as its cause.
 *
 * @param messageId unique id of this message; an event a handler raises has an id derived from its cause's, the
 *     handler's and its place among the events the handler raised, so that a replay or retry of the cause
 *     raises it again with the same id
 * @param correlationId id shared by every message of one business transaction
 * @param causationId id of the message whose handling produced this one, or {@code null}
 * @param entityType the logical name of the entity's type ({@link EntityType}), which keys its log with
 *     the id; set by the command bus from the command's saga, inherited by the events its handler
 *     raises, or {@code null} when not known here (a command before the bus took it, a command
 *     forwarded to the application that handles it)
 * @param entityId id of the entity concerned (see {@link EntityRef} for the rules), or {@code null} for
 *     an event raised outside a handler
 * @param sequenceNo the command's position in its entity's log (from 1), or 0 when not claimed
 *     (not yet, or not here: a command forwarded to another application is logged there)
 * @param occurredOn when the message was created
 * @param replay {@code true} while the entity's log is being replayed
 * @param origin whether the message was created here or received from another server
 * @param properties free-form string properties, immutable; {@value #PRINCIPAL} names who published the
 *     command ({@link #principal()})
 */
public record Metadata(
        UUID messageId,
        UUID correlationId,
        UUID causationId,
        String entityType,
        String entityId,
        long sequenceNo,
        Instant occurredOn,
        boolean replay,
        Origin origin,
        Map<String, String> properties) {

    /**
     * The property that names the caller who published a command (its principal's name), set by the
     * {@link CommandBus} a caller's code injects, and inherited by the events and commands its handling raises.
     */
    public static final String PRINCIPAL = "sourceflow.principal";

    /** Where a message comes from. */
    public enum Origin {
        /** Created by this application. */
        LOCAL,
        /** Received from another server; never sent out again. */
        REMOTE
    }

    /**
     * Validates the components and makes the properties immutable.
     *
     * @throws NullPointerException when a required component is null
     * @throws IllegalArgumentException when the sequence number is negative or the entity id breaks
     *     the rules of {@link EntityRef}
     */
    public Metadata {
        Objects.requireNonNull(messageId, "messageId");
        if (entityId != null) {
            EntityRef.checkId(entityId);
        }
        if (entityType != null && !entityType.isEmpty()) {
            checkEntityType(entityType);
        }
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(occurredOn, "occurredOn");
        Objects.requireNonNull(origin, "origin");
        properties = properties == null || properties.isEmpty() ? Map.of() : Map.copyOf(properties);
        if (sequenceNo < 0) {
            throw new IllegalArgumentException("sequenceNo must not be negative: " + sequenceNo);
        }
    }

    /**
     * Checks an entity type's name: the rules of an entity id ({@link EntityRef}), as it shares the
     * log's key with one. The empty name is the type of commands no saga of this application handles.
     *
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException naming the rule the name breaks (the name shown escaped)
     */
    public static String checkEntityType(String name) {
        String problem = EntityRef.brokenRule(name);
        if (problem != null) {
            throw new IllegalArgumentException("Invalid entity type name: '" + SafeText.forLog(name) + "' " + problem);
        }
        return name;
    }

    /**
     * Metadata for a new message that starts a business transaction of its own.
     *
     * @param entityId the entity concerned, or {@code null}
     * @return fresh local metadata whose correlation id is its message id
     */
    public static Metadata create(String entityId) {
        UUID id = newId();
        return new Metadata(id, id, null, null, entityId, 0, Instant.now(), false, Origin.LOCAL, Map.of());
    }

    /**
     * Metadata for a new message produced while handling {@code this} message: same correlation,
     * replay flag and origin-independent local origin, caused by this message.
     *
     * @param entityId the entity the new message concerns
     * @param sequenceNo its sequence number, or 0
     * @return metadata for the follow-up message
     */
    public Metadata next(String entityId, long sequenceNo) {
        return next(null, entityId, sequenceNo);
    }

    /**
     * Metadata for a new message produced while handling {@code this} message, concerning an entity
     * of a known type: an event raised by a saga handler inherits its command's entity.
     *
     * @param entityType the type of the entity the new message concerns, or {@code null}
     * @param entityId the entity the new message concerns
     * @param sequenceNo its sequence number, or 0
     * @return metadata for the follow-up message
     */
    public Metadata next(String entityType, String entityId, long sequenceNo) {
        return new Metadata(newId(), correlationId, messageId, entityType, entityId, sequenceNo, Instant.now(), replay,
                Origin.LOCAL, properties);
    }

    /**
     * A copy with another sequence number.
     *
     * @param sequenceNo the claimed sequence number
     * @return the copy
     */
    public Metadata withSequenceNo(long sequenceNo) {
        return new Metadata(messageId, correlationId, causationId, entityType, entityId, sequenceNo, occurredOn, replay, origin,
                properties);
    }

    /**
     * A copy with another message id.
     *
     * @param messageId the id
     * @return the copy
     */
    public Metadata withMessageId(UUID messageId) {
        return new Metadata(messageId, correlationId, causationId, entityType, entityId, sequenceNo, occurredOn, replay, origin,
                properties);
    }

    /**
     * A copy with another entity type.
     *
     * @param entityType the entity type's name, or {@code null}
     * @return the copy
     */
    public Metadata withEntityType(String entityType) {
        return new Metadata(messageId, correlationId, causationId, entityType, entityId, sequenceNo, occurredOn, replay,
                origin, properties);
    }

    /**
     * A copy with another entity id.
     *
     * @param entityId the entity id
     * @return the copy
     */
    public Metadata withEntityId(String entityId) {
        return new Metadata(messageId, correlationId, causationId, entityType, entityId, sequenceNo, occurredOn, replay, origin,
                properties);
    }

    /**
     * A copy with the replay flag set or cleared.
     *
     * @param replay whether the message is being replayed
     * @return the copy
     */
    public Metadata withReplay(boolean replay) {
        return new Metadata(messageId, correlationId, causationId, entityType, entityId, sequenceNo, occurredOn, replay, origin,
                properties);
    }

    /**
     * A copy with another origin.
     *
     * @param origin the origin
     * @return the copy
     */
    public Metadata withOrigin(Origin origin) {
        return new Metadata(messageId, correlationId, causationId, entityType, entityId, sequenceNo, occurredOn, replay, origin,
                properties);
    }

    /**
     * A copy with these properties.
     *
     * @param properties the properties, replacing the current ones
     * @return the copy
     */
    public Metadata withProperties(Map<String, String> properties) {
        return new Metadata(messageId, correlationId, causationId, entityType, entityId, sequenceNo, occurredOn, replay, origin,
                properties);
    }

    /**
     * Who published the command this message is or comes from.
     *
     * @return the caller's principal name, or {@code null} when the command was published with no
     *     authenticated caller (or received from a server this one does not trust with it)
     */
    public String principal() {
        return properties.get(PRINCIPAL);
    }

    /**
     * A copy naming another publisher.
     *
     * @param name the caller's principal name, or {@code null} (or blank) for none
     * @return the copy
     */
    public Metadata withPrincipal(String name) {
        if (name != null && name.isBlank()) {
            return withPrincipal(null);
        }
        if (Objects.equals(name, principal())) {
            return this;
        }
        Map<String, String> copy = new HashMap<>(properties);
        if (name == null) {
            copy.remove(PRINCIPAL);
        } else {
            copy.put(PRINCIPAL, name);
        }
        return withProperties(copy);
    }

    /**
     * Whether the message was received from another server.
     *
     * @return {@code true} for {@link Origin#REMOTE}
     */
    public boolean isRemote() {
        return origin == Origin.REMOTE;
    }

    /**
     * A random (version 4) UUID drawn from {@link ThreadLocalRandom}: unique enough for message ids
     * and, unlike {@link UUID#randomUUID()}, free of the global lock behind {@code SecureRandom}.
     *
     * @return a new id
     */
    public static UUID newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
