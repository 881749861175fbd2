package io.sourceflow.jms;

import io.sourceflow.spi.DeadLetter;
import io.sourceflow.spi.DeadLetterFilter;
import io.sourceflow.spi.DeadLetterStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parked messages: list them, look at one, send one again to where it came from once the
 * cause is fixed, or delete it ({@link Retention} deletes old ones). Each call joins the caller's
 * JTA transaction or runs in one of its own. A refused re-drive (already re-driven, not re-drivable)
 * is refused before anything is written: it leaves the transaction as it was, and the container does
 * not report it as a failure (Open Liberty writes a first-failure incident for a runtime exception that
 * rolls a {@code @Transactional} call back).
 *
 * <pre>{@code
 * @Inject DeadLetters deadLetters;
 *
 * for (DeadLetter letter : deadLetters.list(false, 50)) { ... letter.error() ... }
 * deadLetters.redrive(letterId);
 * }</pre>
 */
@ApplicationScoped
@Transactional(value = Transactional.TxType.REQUIRED,
        dontRollbackOn = {DeadLetterAlreadyRedrivenException.class, DeadLetterNotRedrivableException.class})
public class DeadLetters {

    @Inject
    DeadLetterStore store;
    @Inject
    JmsSender sender;
    @Inject
    JmsResources resources;

    /**
     * Lists dead letters, oldest first.
     *
     * @param includeRedriven whether to include those already sent again
     * @param max the most to return
     * @return the dead letters
     */
    public List<DeadLetter> list(boolean includeRedriven, int max) {
        return store.list(includeRedriven, max);
    }

    /**
     * Lists the dead letters a filter matches, oldest first, one page at a time.
     *
     * @param filter which letters (type, entity, time parked, re-driven or not)
     * @param first how many matching letters to skip
     * @param max the most to return
     * @return the page
     */
    public List<DeadLetter> list(DeadLetterFilter filter, int first, int max) {
        return store.list(Objects.requireNonNull(filter, "filter"), first, max);
    }

    /**
     * Deletes a dead letter (after its cause was dealt with otherwise, or it is of no use).
     *
     * @param id its id
     * @return whether there was one
     */
    public boolean delete(String id) {
        return store.delete(Objects.requireNonNull(id, "id"));
    }

    /**
     * Finds a dead letter.
     *
     * @param id its id
     * @return the dead letter, or empty
     */
    public Optional<DeadLetter> find(String id) {
        return store.find(Objects.requireNonNull(id, "id"));
    }

    /**
     * Sends a dead letter's original body, with its application properties, to the destination it
     * came from, and marks it re-driven, in one transaction. Should it fail again, it is parked
     * again as a new dead letter; a message that was in fact processed meanwhile is skipped by the
     * receiver's inbox.
     *
     * @param id the dead letter's id
     * @return the dead letter, marked re-driven; empty when there is none with that id
     * @throws DeadLetterAlreadyRedrivenException when it was re-driven before
     * @throws DeadLetterNotRedrivableException when it keeps only part of the body received (too large)
     *     or a changed one (it held NUL characters or unpaired surrogates)
     */
    public Optional<DeadLetter> redrive(String id) {
        Optional<DeadLetter> found = find(id);
        if (found.isEmpty()) {
            return found;
        }
        DeadLetter letter = found.get();
        if (letter.redrivenOn() != null) {
            throw new DeadLetterAlreadyRedrivenException("Dead letter " + id + " (message " + letter.messageId()
                    + ") was re-driven on " + letter.redrivenOn());
        }
        String changed = letter.headers().get(Letters.BODY_CHANGED);
        if (changed != null) {
            throw new DeadLetterNotRedrivableException("Dead letter " + id + " (message " + letter.messageId()
                    + ") keeps " + changed + " of the body it was received with; it cannot be sent again");
        }
        boolean topic = letter.destination().equals(resources.settings().eventTopic());
        sender.resend(letter.body(), applicationProperties(letter.headers()), letter.destination(), topic);
        return store.markRedriven(id, Instant.now());
    }

    /** The properties to send again: the application's own, and the group id; not the provider's. */
    static Map<String, String> applicationProperties(Map<String, String> headers) {
        Map<String, String> properties = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (name.equals(JmsSender.GROUP) || !name.startsWith("JMS") && !name.startsWith("_")) {
                properties.put(name, value);
            }
        });
        return properties;
    }
}
