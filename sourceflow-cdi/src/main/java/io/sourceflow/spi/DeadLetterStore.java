package io.sourceflow.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Keeps parked messages so that they can be listed, inspected and re-driven. */
public interface DeadLetterStore {

    /**
     * Parks a message, in the current unit of work.
     *
     * @param letter the dead letter
     */
    void park(DeadLetter letter);

    /**
     * Lists dead letters, oldest first.
     *
     * @param includeRedriven whether to include those already re-driven
     * @param max the most to return
     * @return the dead letters
     */
    List<DeadLetter> list(boolean includeRedriven, int max);

    /**
     * Finds a dead letter.
     *
     * @param id its id
     * @return the dead letter, or empty
     */
    Optional<DeadLetter> find(String id);

    /**
     * Marks a dead letter as re-driven, in the current unit of work.
     *
     * @param id its id
     * @param when when it was sent again
     * @return the updated dead letter, or empty when there is none with that id
     */
    Optional<DeadLetter> markRedriven(String id, Instant when);

    /**
     * Lists the dead letters a filter matches, oldest first (by when they were parked, then id), one
     * page at a time.
     *
     * @param filter which letters
     * @param first how many matching letters to skip, 0 or more
     * @param max the most to return
     * @return the page
     * @throws UnsupportedOperationException when this store cannot filter (the default)
     */
    default List<DeadLetter> list(DeadLetterFilter filter, int first, int max) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot filter dead letters");
    }

    /**
     * Deletes one dead letter, in the current unit of work.
     *
     * @param id the dead letter's id
     * @return whether there was one
     * @throws UnsupportedOperationException when this store cannot delete (the default)
     */
    default boolean delete(String id) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot delete dead letters");
    }

    /**
     * Deletes the dead letters parked before a time, re-driven or not, in the current unit of work.
     *
     * @param parkedBefore letters parked before this instant go
     * @return how many went
     * @throws UnsupportedOperationException when this store cannot purge (the default)
     */
    default int purge(Instant parkedBefore) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot purge dead letters");
    }
}
