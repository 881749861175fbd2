package io.sourceflow.batch;

import jakarta.batch.operations.JobOperator;
import java.util.Properties;

/**
 * The job {@value #NAME}: every entity of one type replayed from its command log, in checkpointed
 * chunks, restartable, in partitions.
 *
 * <pre>{@code
 * long execution = ReplayJob.start(BatchRuntime.getJobOperator(), BankAccount.class, 2);
 * }</pre>
 *
 * <p>Parameters: {@value #ENTITY_TYPE} (required) the entity's class name ({@code E} of its
 * {@code Saga<E>}); {@value #PARTITIONS} how many partitions replay at once (default 1);
 * {@value #CHUNK} how many entities one transaction replays (default 50). A replay of an entity
 * is {@link io.sourceflow.CommandBus#replay(Class, io.sourceflow.EntityRef)}; a chunk that meets a
 * concurrent command of one of its entities is rolled back and run again.
 */
public final class ReplayJob {

    /** The job's name, its JSL file's under {@code META-INF/batch-jobs}. */
    public static final String NAME = "sourceflow-replay";
    /** The entity's class name (required). */
    public static final String ENTITY_TYPE = "entityType";
    /** How many partitions replay at once; 1 by default. */
    public static final String PARTITIONS = "partitions";
    /** How many entities one chunk (one transaction) replays; 50 by default. */
    public static final String CHUNK = "chunk";

    private ReplayJob() {
    }

    /**
     * Starts the job.
     *
     * @param operator the runtime's job operator
     * @param entityType the entity's class
     * @param partitions how many partitions replay at once, at least 1
     * @return the execution id
     * @throws IllegalArgumentException when {@code partitions} is below 1
     */
    public static long start(JobOperator operator, Class<?> entityType, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("A replay job runs in at least 1 partition, not " + partitions);
        }
        Properties parameters = new Properties();
        parameters.setProperty(ENTITY_TYPE, entityType.getName());
        parameters.setProperty(PARTITIONS, Integer.toString(partitions));
        return operator.start(NAME, parameters);
    }
}
