package io.sourceflow;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies the entity a command targets. The id is a string so that any key type fits
 * ({@code long}, {@link UUID}, natural keys); stores convert it to the entity's own id type.
 *
 * @param id the entity id, not blank
 * @param isNew {@code true} when the command creates the entity
 */
public record EntityRef(String id, boolean isNew) {

    /**
     * Validates the id.
     *
     * @throws IllegalArgumentException when the id is blank
     */
    public EntityRef {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("An entity id must not be blank");
        }
    }

    /**
     * An existing entity with a string id.
     *
     * @param id the id
     * @return a reference with {@code isNew == false}
     */
    public static EntityRef of(String id) {
        return new EntityRef(id, false);
    }

    /**
     * An existing entity with a numeric id.
     *
     * @param id the id
     * @return a reference with {@code isNew == false}
     */
    public static EntityRef of(long id) {
        return new EntityRef(Long.toString(id), false);
    }

    /**
     * An existing entity with a UUID id.
     *
     * @param id the id
     * @return a reference with {@code isNew == false}
     */
    public static EntityRef of(UUID id) {
        return new EntityRef(id.toString(), false);
    }

    /**
     * The same entity, marked as created by the command.
     *
     * @return a reference with {@code isNew == true}
     */
    public EntityRef asNew() {
        return isNew ? this : new EntityRef(id, true);
    }

    /**
     * The id as a {@code long}.
     *
     * @return the numeric id
     * @throws NumberFormatException when the id is not a number
     */
    public long asLong() {
        return Long.parseLong(id);
    }

    /**
     * The id as a {@link UUID}.
     *
     * @return the UUID id
     * @throws IllegalArgumentException when the id is not a UUID
     */
    public UUID asUuid() {
        return UUID.fromString(id);
    }
}
