package io.sourceflow.batch;

import io.sourceflow.History;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads the ids of one entity type's logged entities that fall to this partition, in the log's
 * order of ids, a page at a time ({@link History#entityIds}). Its checkpoint is the last id it
 * handed out: a restarted partition, or a chunk the runtime rolled back and runs again (it reopens
 * the reader at the last checkpoint), goes on after it. An id falls to partition {@code i} of
 * {@code n} when its {@link String#hashCode()} modulo {@code n} is {@code i}, the same on every
 * run whatever entities were added meanwhile.
 */
@Named("sourceflowEntityIds")
@Dependent
public class EntityIdReader extends AbstractItemReader {

    /** Ids read from the log per page. */
    static final int PAGE = 500;

    @Inject
    History history;

    @Inject
    @BatchProperty
    String entityType;

    @Inject
    @BatchProperty
    String partition;

    @Inject
    @BatchProperty
    String partitions;

    private Class<?> type;
    private int mine;
    private int of;
    private String lastRead;
    private String lastHandedOut;
    private boolean exhausted;
    private final Deque<String> buffered = new ArrayDeque<>();

    @Override
    public void open(Serializable checkpoint) {
        type = JobProperties.entityClass(entityType);
        of = JobProperties.number(partitions, 1, ReplayJob.PARTITIONS, 1, EntityPartitions.MAX);
        mine = JobProperties.number(partition, 0, "partition", 0, of - 1);
        lastHandedOut = (String) checkpoint;
        lastRead = lastHandedOut;
        // the runtime reopens the same reader at the last checkpoint after it rolled a chunk back
        buffered.clear();
        exhausted = false;
    }

    @Override
    public Object readItem() {
        while (buffered.isEmpty() && !exhausted) {
            List<String> page = history.entityIds(type, lastRead, PAGE);
            exhausted = page.size() < PAGE;
            for (String id : page) {
                if (Math.floorMod(id.hashCode(), of) == mine) {
                    buffered.add(id);
                }
            }
            if (!page.isEmpty()) {
                lastRead = page.get(page.size() - 1);
            }
        }
        String next = buffered.poll();
        if (next != null) {
            lastHandedOut = next;
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastHandedOut;
    }
}
