package io.sourceflow.batch;

import io.sourceflow.ViewRebuilds;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
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
 * until the entities may be listed; in mode {@value ReplayJob#FULL}, nothing. The job instance owns
 * the rebuild: another instance's start fails while it runs. A restarted execution does not run this
 * step again once it completed, and may run it again (as the same owner) when it failed.
 */
@Named("sourceflowRebuildStart")
@Dependent
public class RebuildStart extends AbstractBatchlet {

    /** How long one wait for the start's margin lasts before the step checks whether it was stopped. */
    private static final Duration TICK = Duration.ofMillis(200);

    @Inject
    ViewRebuilds rebuilds;

    @Inject
    JobContext job;

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
        Instant from = rebuilds.start(ReplayJob.owner(job.getInstanceId()), named,
                new HashSet<>(JobProperties.entityClasses(entityType)));
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
