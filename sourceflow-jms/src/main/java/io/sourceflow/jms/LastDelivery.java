package io.sourceflow.jms;

import io.sourceflow.DuplicateKeyException;
import io.sourceflow.spi.DeadLetter;
import io.sourceflow.spi.DeadLetterStore;
import io.sourceflow.spi.SafeText;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * What becomes of a delivery that failed at or past {@code sourceflow.jms.max-deliveries}. A failure
 * for a transient reason ({@link Transience}) is never parked: the delivery pauses, from
 * {@code sourceflow.jms.retry-delay} doubling with each further delivery up to
 * {@value #MAX_PAUSE_MILLIS} ms, and fails again, so that an outage does not use up the broker's
 * deliveries at once. The pause is taken here, holding the message, and not left to a broker
 * redelivery delay: Artemis sets a delayed message aside and hands its group's next message to the
 * consumer meanwhile, so an entity's later command would overtake it ({@code RedeliveryDelayTest});
 * held here, the message keeps its place. The cost: the session, and the entities pinned to it, wait
 * too. Any other failure parks the message in the {@link DeadLetterStore}. A duplicate key counts as
 * transient only when the log holds the number the command claimed (another writer was first); else
 * the handler broke a unique key of the application's own tables, and the message is parked with the
 * provider's exception.
 */
final class LastDelivery {

    /** The receiver's logger: parking and waiting are part of what an operator reads under it. */
    private static final Logger LOG = Logger.getLogger(JmsInbound.class.getName());
    static final long MAX_PAUSE_MILLIS = 5_000;
    private static final int MAX_DOUBLINGS = 20;

    private final JmsResources resources;
    private final DeadLetterStore deadLetters;
    private final Statuses statuses;
    private final Predicate<DuplicateKeyException> logHolds;

    LastDelivery(JmsResources resources, DeadLetterStore deadLetters, Statuses statuses, Predicate<DuplicateKeyException> logHolds) {
        this.resources = resources;
        this.deadLetters = deadLetters;
        this.statuses = statuses;
        this.logHolds = logHolds;
    }

    /**
     * Parks the message, or rethrows a transient failure.
     *
     * @throws RuntimeException the failure itself, when it is transient: the delivery must fail
     */
    void failed(Delivery delivery, RuntimeException failure) {
        Optional<DuplicateKeyException> duplicate = DuplicateKeyException.in(failure);
        if (duplicate.isPresent() && !logHolds.test(duplicate.get())) {
            park(delivery, duplicate.get().notAConflict());
            return;
        }
        if (Transience.isTransient(failure)) {
            resources.telemetry().transientFailure();
            if (delivery.count() == resources.settings().maxDeliveries()) {
                LOG.warning(() -> "Message " + delivery.idForLog() + " failed " + delivery.count() + " deliveries for a"
                        + " transient reason; it is delivered again until it passes: "
                        + SafeText.forLog(failure.toString(), 2_000));
            }
            pause(delivery);
            throw failure;
        }
        park(delivery, failure);
    }

    /**
     * The work of a delivery committed, but sending what it kept failed: delivered again like a
     * transient failure, with the same pause once past {@code max-deliveries}, and never parked (its
     * work is done; the next delivery sends what is still kept).
     *
     * @throws RuntimeException the failure itself, always
     */
    void sendFailed(Delivery delivery, RuntimeException failure) {
        resources.telemetry().transientFailure();
        if (delivery.count() >= resources.settings().maxDeliveries()) {
            pause(delivery);
        }
        throw failure;
    }

    private void pause(Delivery delivery) {
        int beyond = Math.min(delivery.count() - resources.settings().maxDeliveries(), MAX_DOUBLINGS);
        long millis = Math.min(resources.settings().retryDelay().toMillis() << beyond, MAX_PAUSE_MILLIS);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void park(Delivery delivery, RuntimeException failure) {
        DeadLetter letter = Letters.of(delivery.message(), delivery.destination(), delivery.bodyOrNull(), delivery.head,
                failure, delivery.count(), resources.settings().maxMessageSize());
        deadLetters.park(letter);
        statuses.parked(delivery, "Parked as dead letter " + letter.id() + ": " + failure);
        resources.telemetry().deadLettered();
        LOG.warning(() -> "Parked message " + letter.messageId() + " from '" + letter.destination() + "' after "
                + letter.deliveryCount() + " deliveries as dead letter " + letter.id() + ": "
                + SafeText.forLog(failure.toString(), 2_000));
    }
}
