package io.sourceflow.batch;

import io.sourceflow.ViewRebuilds;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The job's first step: in mode {@value ReplayJob#VIEWS_ONLY}, starts the rebuild of the named views
 * ({@link ViewRebuilds#start}: their models deleted, a new generation of their positions) and waits
 * until entities logged from then on count as younger than it; in mode {@value ReplayJob#FULL},
 * nothing. A restarted execution does not run it again once it completed.
 */
@Named("sourceflowRebuildStart")
@Dependent
public class RebuildStart extends AbstractBatchlet {

    /** How long one wait for the start's margin lasts before the step checks whether it was stopped. */
    private static final Duration TICK = Duration.ofMillis(200);

    @Inject
    ViewRebuilds rebuilds;

    @Inject
    @BatchProperty
    String entityType;

    @Inject
    @BatchProperty
    String mode;

    @Inject
    @BatchProperty
    String views;

    private volatile boolean stopped;

    @Override
    public String process() throws InterruptedException {
        Set<Class<?>> named = JobProperties.views(mode, views);
        if (named.isEmpty()) {
            return ReplayJob.FULL;
        }
        Instant from = rebuilds.start(named, new HashSet<>(JobProperties.entityClasses(entityType)));
        for (Instant now = Instant.now(); now.isBefore(from) && !stopped; now = Instant.now()) {
            Thread.sleep(Math.min(TICK.toMillis(), Duration.between(now, from).toMillis() + 1));
        }
        return stopped ? "STOPPED" : ReplayJob.VIEWS_ONLY;
    }

    @Override
    public void stop() {
        stopped = true;
    }
}
