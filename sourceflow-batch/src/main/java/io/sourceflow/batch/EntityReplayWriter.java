package io.sourceflow.batch;

import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Replays each entity of a chunk ({@link CommandBus#replay(Class, EntityRef)}) in the chunk's
 * transaction: the chunk's replays and its checkpoint commit together.
 */
@Named("sourceflowReplay")
@Dependent
public class EntityReplayWriter extends AbstractItemWriter {

    @Inject
    CommandBus bus;

    @Inject
    @BatchProperty
    String entityType;

    private Class<?> type;

    @Override
    public void open(Serializable checkpoint) {
        type = EntityClasses.load(entityType);
    }

    @Override
    public void writeItems(List<Object> ids) {
        for (Object id : ids) {
            bus.replay(type, EntityRef.of((String) id));
        }
    }
}
