package io.sourceflow;

import io.sourceflow.spi.SafeText;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies the entity a command targets. The id is a string so that any key type fits
 * ({@code long}, {@link UUID}, natural keys); stores convert it to the entity's own id type.
 *
 * <p>An entity id is not blank, has at most {@value #MAX_LENGTH} characters (the stores' key
 * columns), no control characters (no NUL, no line break: ids appear in logs and headers) and no
 * unpaired surrogate (it must be the same text after a round trip through UTF-8, or two ids would
 * share one entity). These rules hold wherever an id enters: here, in {@link Metadata} and in
 * messages received from other servers.
 *
 * @param id the entity id
 * @param isNew {@code true} when the command creates the entity
 */
public record EntityRef(String id, boolean isNew) {

    /** The longest entity id, in characters. */
    public static final int MAX_LENGTH = 255;

    /**
     * Validates the id.
     *
     * @throws NullPointerException when the id is null
     * @throws InvalidEntityIdException when the id breaks one of the rules above
     */
    public EntityRef {
        checkId(id);
    }

    /**
     * Checks an entity id against the rules above.
     *
     * @param id the id
     * @return the id
     * @throws NullPointerException when the id is null
     * @throws InvalidEntityIdException naming the rule the id breaks (the id shown escaped)
     */
    public static String checkId(String id) {
        Objects.requireNonNull(id, "entity id");
        String problem = brokenRule(id);
        if (problem != null) {
            throw new InvalidEntityIdException("The entity id '" + SafeText.forLog(id) + "' " + problem);
        }
        return id;
    }

    /** The rule above that a key text breaks, or null; entity type names keep the same rules. */
    static String brokenRule(String text) {
        return text.isBlank() ? "is blank"
                : text.length() > MAX_LENGTH ? "has " + text.length() + " characters, more than " + MAX_LENGTH
                : text.chars().anyMatch(Character::isISOControl) ? "contains a control character"
                : !SafeText.isWellFormed(text) ? "contains an unpaired surrogate (not well-formed Unicode)"
                : null;
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
