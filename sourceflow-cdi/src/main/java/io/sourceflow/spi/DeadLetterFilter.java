package io.sourceflow.spi;

import java.time.Instant;

/**
 * Which dead letters to list; every criterion left null matches all.
 *
 * @param typeAlias only letters of this message type alias
 * @param entityId only letters for this entity
 * @param parkedFrom only letters parked at or after this instant
 * @param parkedBefore only letters parked before this instant
 * @param includeRedriven whether letters already re-driven are listed too
 */
public record DeadLetterFilter(String typeAlias, String entityId, Instant parkedFrom, Instant parkedBefore,
        boolean includeRedriven) {

    /**
     * Every letter, or every letter not re-driven yet.
     *
     * @param includeRedriven whether letters already re-driven are listed too
     * @return the filter
     */
    public static DeadLetterFilter all(boolean includeRedriven) {
        return new DeadLetterFilter(null, null, null, null, includeRedriven);
    }

    /**
     * Whether a letter passes this filter.
     *
     * @param letter the letter
     * @return true when it matches every criterion given
     */
    public boolean matches(DeadLetter letter) {
        return (typeAlias == null || typeAlias.equals(letter.typeAlias()))
                && (entityId == null || entityId.equals(letter.entityId()))
                && (parkedFrom == null || !letter.deadLetteredOn().isBefore(parkedFrom))
                && (parkedBefore == null || letter.deadLetteredOn().isBefore(parkedBefore))
                && (includeRedriven || letter.redrivenOn() == null);
    }
}
