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
}
