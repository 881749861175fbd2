package io.sourceflow.jms;

import io.sourceflow.spi.CommandStatusStore;
import io.sourceflow.spi.DeadLetterStore;
import io.sourceflow.spi.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Keeps the receiving side's tables bounded: deletes the inbox entries older than
 * {@code sourceflow.jms.inbox-retention} (default 7 days) and the dead letters parked longer ago than
 * {@code sourceflow.jms.dead-letter-retention} (default 30 days), and the command statuses recorded
 * longer ago than {@code sourceflow.jms.status-retention} (default 7 days). The library starts no thread: the
 * application runs {@link #purge()} from an EJB timer or a managed scheduled executor, for example
 *
 * <pre>{@code
 * @Singleton
 * public class RetentionTimer {
 *     @Inject Retention retention;
 *     @Schedule(hour = "*", minute = "17", persistent = false)
 *     void purge() { retention.purge(); }
 * }
 * }</pre>
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    @Inject
    JmsResources resources;
    @Inject
    Inbox inbox;
    @Inject
    DeadLetterStore deadLetters;
    @Inject
    CommandStatusStore statuses;

    private final Clock clock;

    /** The retention on the system clock. */
    public Retention() {
        this(Clock.systemUTC());
    }

    Retention(Clock clock) {
        this.clock = clock;
    }

    /**
     * Deletes what is older than its retention, in one transaction (the caller's, or a new one).
     *
     * @return how many inbox entries, dead letters and command statuses went
     */
    @Transactional
    public Purged purge() {
        Instant now = clock.instant();
        JmsSettings settings = resources.settings();
        Purged purged = new Purged(inbox.purge(now.minus(settings.inboxRetention())),
                deadLetters.purge(now.minus(settings.deadLetterRetention())), statuses.purge(now.minus(settings.statusRetention())));
        LOG.fine(() -> "Purged " + purged.inboxEntries() + " inbox entries, " + purged.deadLetters() + " dead letters and "
                + purged.commandStatuses() + " command statuses");
        return purged;
    }

    /**
     * What one purge deleted.
     *
     * @param inboxEntries inbox entries older than the inbox retention
     * @param deadLetters dead letters parked before the dead-letter retention
     * @param commandStatuses command statuses recorded before the status retention
     */
    public record Purged(int inboxEntries, int deadLetters, int commandStatuses) {
    }
}
