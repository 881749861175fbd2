package io.sourceflow.batch;

import io.sourceflow.ViewRebuilds;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Set;

/**
 * The job's last step: in mode {@value ReplayJob#VIEWS_ONLY}, once every entity was replayed, ends the
 * rebuild ({@link ViewRebuilds#finish}): the views take every entity's new events again. Nothing in
 * mode {@value ReplayJob#FULL}.
 */
@Named("sourceflowRebuildFinish")
@Dependent
public class RebuildFinish extends AbstractBatchlet {

    @Inject
    ViewRebuilds rebuilds;

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String mode;

    @Inject
    @BatchProperty
    String views;

    @Override
    public String process() {
        Set<Class<?>> named = JobProperties.views(mode, views);
        if (named.isEmpty()) {
            return ReplayJob.FULL;
        }
        rebuilds.finish(ReplayJob.owner(job.getInstanceId()), named);
        return ReplayJob.VIEWS_ONLY;
    }
}
