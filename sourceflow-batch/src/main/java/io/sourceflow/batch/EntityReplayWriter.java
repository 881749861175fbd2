package io.sourceflow.batch;

import io.sourceflow.spi.ViewModelStore;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * Replays each entity of a chunk (in mode {@value ReplayJob#VIEWS_ONLY} into the named views alone),
 * each in a transaction of its own ({@link EntityReplays}), then
 * counts them in the partition's {@link ReplayProgress} in the chunk's transaction, which commits the
 * count with the checkpoint.
 */
@Named("sourceflowReplay")
@Dependent
public class EntityReplayWriter extends AbstractItemWriter {

    @Inject
    EntityReplays replays;

    @Inject
    ViewModelStore store;

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String partition;

    @Inject
    @BatchProperty
    String mode;

    @Inject
    @BatchProperty
    String views;

    private Set<Class<?>> rebuilt;
    private String progress;

    @Override
    public void open(Serializable checkpoint) {
        rebuilt = JobProperties.views(mode, views);
        progress = ReplayProgress.id(job.getInstanceId(), JobProperties.number(partition, 0, "partition", 0, EntityPartitions.MAX));
    }

    @Override
    public void writeItems(List<Object> ids) {
        for (Object item : ids) {
            EntityItem entity = (EntityItem) item;
            replays.replay(entity.type(), entity.id(), rebuilt);
        }
        long before = store.find(ReplayProgress.class, progress).map(ReplayProgress::done).orElse(0L);
        store.persist(ReplayProgress.class, progress, new ReplayProgress(before + ids.size()));
    }
}
