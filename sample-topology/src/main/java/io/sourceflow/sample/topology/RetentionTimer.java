package io.sourceflow.sample.topology;

import io.sourceflow.jms.KeptMessages;
import io.sourceflow.jms.Retention;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs {@link Retention#purge()} every {@code sourceflow.sample.purge-interval} (an ISO-8601 duration,
 * default {@code PT1H}) on a non-persistent EJB timer, so the inbox, the dead letters and the command
 * statuses stay bounded without a thread of the application's own. The retentions themselves are
 * {@code sourceflow.jms.inbox-retention}, {@code sourceflow.jms.dead-letter-retention} and
 * {@code sourceflow.jms.status-retention}. Before that it sends what the outbox still keeps ten
 * minutes after its delivery ({@link KeptMessages}: normally nothing).
 */
@Singleton
@Startup
public class RetentionTimer {

    private static final Logger LOG = Logger.getLogger(RetentionTimer.class.getName());
    /** Longer than a delivery and its redeliveries take. */
    private static final Duration KEPT_AGE = Duration.ofMinutes(10);

    @Inject
    Retention retention;
    @Inject
    KeptMessages kept;
    @Inject
    @ConfigProperty(name = "sourceflow.sample.purge-interval", defaultValue = "PT1H")
    String interval;
    @Resource
    TimerService timers;

    @PostConstruct
    void schedule() {
        long every = Duration.parse(interval).toMillis();
        if (every <= 0) {
            throw new IllegalArgumentException("sourceflow.sample.purge-interval must be positive, not " + interval);
        }
        timers.createIntervalTimer(every, every, new TimerConfig("sourceflow-retention", false));
    }

    @Timeout
    void purge() {
        // what the outbox still keeps after its delivery ended (normally nothing) goes out late, not never
        try {
            kept.sendOlderThan(KEPT_AGE);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not send what the outbox kept; tried again at the next run", e);
        }
        Retention.Purged purged = retention.purge();
        LOG.fine(() -> "Retention purged " + purged.inboxEntries() + " inbox entries, " + purged.deadLetters()
                + " dead letters and " + purged.commandStatuses() + " command statuses");
    }
}
