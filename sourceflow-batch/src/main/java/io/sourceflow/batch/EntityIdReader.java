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
 * Reads the ids of the named entity types' logged entities that fall to this partition, one type
 * after the other, each in the log's order of ids, a page at a time ({@link History#entityIds}), as
 * {@link EntityItem}s. Its checkpoint is the last entity it handed out (its type's place in the
 * parameter and its id): a restarted partition, or a chunk the runtime rolled back and runs again (it
 * reopens the reader at the last checkpoint), goes on after it. An id falls to partition {@code i} of
 * {@code n} when its {@link String#hashCode()} modulo {@code n} is {@code i}, the same on every run
 * whatever entities were added meanwhile.
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

    private List<Class<?>> types;
    private int mine;
    private int of;
    private int type;
    private String lastRead;
    private Checkpoint lastHandedOut;
    private boolean exhausted;
    private final Deque<String> buffered = new ArrayDeque<>();

    /**
     * Where a partition stands: the last entity it handed out.
     *
     * @param type the entity type's place among those the job names
     * @param id the entity's id, null before the type's first
     */
    record Checkpoint(int type, String id) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public void open(Serializable checkpoint) {
        types = JobProperties.entityClasses(entityType);
        of = JobProperties.number(partitions, 1, ReplayJob.PARTITIONS, 1, EntityPartitions.MAX);
        mine = JobProperties.number(partition, 0, "partition", 0, of - 1);
        // a checkpoint of a release that replayed one type holds the last id alone
        lastHandedOut = checkpoint instanceof String id ? new Checkpoint(0, id)
                : checkpoint == null ? new Checkpoint(0, null) : (Checkpoint) checkpoint;
        type = lastHandedOut.type();
        lastRead = lastHandedOut.id();
        // the runtime reopens the same reader at the last checkpoint after it rolled a chunk back
        buffered.clear();
        exhausted = false;
    }

    @Override
    public Object readItem() {
        while (buffered.isEmpty() && type < types.size()) {
            if (exhausted) {
                type++;
                lastRead = null;
                exhausted = false;
                continue;
            }
            List<String> page = history.entityIds(types.get(type), lastRead, PAGE);
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
        if (next == null) {
            return null;
        }
        lastHandedOut = new Checkpoint(type, next);
        return new EntityItem(types.get(type), next);
    }

    @Override
    public Serializable checkpointInfo() {
        return lastHandedOut;
    }
}
