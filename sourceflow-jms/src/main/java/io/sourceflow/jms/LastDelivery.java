package io.sourceflow.jms;

import io.sourceflow.spi.DeadLetter;
import io.sourceflow.spi.DeadLetterStore;
import io.sourceflow.spi.SafeText;
import java.util.logging.Logger;

/**
 * What becomes of a delivery that failed at or past {@code sourceflow.jms.max-deliveries}. A failure
 * for a transient reason ({@link Transience}) is never parked: the delivery fails again and the broker
 * delivers it again, after its redelivery delay (configure one that backs off, so that an outage does
 * not use up the broker's deliveries at once). Any other failure parks the message in the
 * {@link DeadLetterStore}.
 */
final class LastDelivery {

    /** The receiver's logger: parking and waiting are part of what an operator reads under it. */
    private static final Logger LOG = Logger.getLogger(JmsInbound.class.getName());

    private final JmsResources resources;
    private final DeadLetterStore deadLetters;
    private final Statuses statuses;

    LastDelivery(JmsResources resources, DeadLetterStore deadLetters, Statuses statuses) {
        this.resources = resources;
        this.deadLetters = deadLetters;
        this.statuses = statuses;
    }

    /**
     * Parks the message, or rethrows a transient failure.
     *
     * @throws RuntimeException the failure itself, when it is transient: the delivery must fail
     */
    void failed(Delivery delivery, RuntimeException failure) {
        if (Transience.isTransient(failure)) {
            resources.telemetry().transientFailure();
            if (delivery.count() == resources.settings().maxDeliveries()) {
                LOG.warning(() -> "Message " + delivery.idForLog() + " failed " + delivery.count() + " deliveries for a"
                        + " transient reason; it is delivered again until it passes: "
                        + SafeText.forLog(failure.toString(), 2_000));
            }
            throw failure;
        }
        park(delivery, failure);
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
