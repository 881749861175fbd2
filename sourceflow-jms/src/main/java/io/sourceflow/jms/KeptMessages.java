package io.sourceflow.jms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Sends what the outbox still keeps after its delivery ended: normally nothing, since each delivery
 * sends what its work kept before its message is acknowledged, and a redelivery sends what an
 * earlier one left. Something stays kept only when the work committed and its message never came
 * back (every later delivery failed and the broker moved it to its dead-letter address, or it
 * expired). Run it from the same timer as {@link Retention#purge()}:
 *
 * <pre>{@code
 * @Inject KeptMessages kept;
 * kept.sendOlderThan(Duration.ofMinutes(5));
 * }</pre>
 *
 * A message sent this way arrives after the entity's later ones; a view that applied those already
 * ignores it, other receivers get it late rather than never. Without an outbox it does nothing.
 */
@ApplicationScoped
public class KeptMessages {

    private static final Logger LOG = Logger.getLogger(KeptMessages.class.getName());
    private static final int CAUSES_PER_CALL = 1_000;

    @Inject
    OutboxKeeper keeper;
    @Inject
    OutboxRelay relay;

    private final Clock clock;

    /** On the system clock. */
    public KeptMessages() {
        this(Clock.systemUTC());
    }

    KeptMessages(Clock clock) {
        this.clock = clock;
    }

    /**
     * Sends, in transactions of their own (the caller's is suspended), what was kept longer ago than an age,
     * at most 1,000 received messages' worth per call, each message's in order.
     *
     * @param age how long a kept message must have waited: longer than a delivery and its redeliveries take
     * @return how many received messages' sends went out
     * @throws TransportException when a send fails (what is left stays kept)
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public int sendOlderThan(Duration age) {
        if (!keeper.enabled()) {
            return 0;
        }
        int sent = relay.sendKeptBefore(clock.instant().minus(age), CAUSES_PER_CALL);
        if (sent > 0) {
            LOG.info(() -> "Sent what " + sent + " received messages' work kept in the outbox and had not sent");
        }
        return sent;
    }
}
