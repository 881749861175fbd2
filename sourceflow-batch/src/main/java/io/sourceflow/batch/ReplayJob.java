package io.sourceflow.batch;

import jakarta.batch.operations.JobOperator;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The job {@value #NAME}: every entity of the named types replayed from its command log, in
 * checkpointed chunks, restartable, in partitions; in mode {@value #FULL} (the default) the entities
 * and every view rebuilt, in mode {@value #VIEWS_ONLY} the named views alone.
 *
 * <pre>{@code
 * long execution = ReplayJob.start(BatchRuntime.getJobOperator(), List.of(BankAccount.class), 2, Set.of());
 * long rebuild = ReplayJob.start(BatchRuntime.getJobOperator(), List.of(BankAccount.class), 2, Set.of(InitialsView.class));
 * }</pre>
 *
 * <p>Parameters: {@value #ENTITY_TYPE} (required) the entity classes ({@code E} of each
 * {@code Saga<E>}), separated by commas; {@value #MODE} {@value #FULL} or {@value #VIEWS_ONLY};
 * {@value #VIEWS} in mode {@value #VIEWS_ONLY}, the view classes to rebuild, separated by commas
 * (name every entity type whose events they take: their models are deleted first);
 * {@value #PARTITIONS} how many partitions replay at once (default 1); {@value #CHUNK} how many
 * entities one checkpoint covers (default 50). A replay of an entity is
 * {@link io.sourceflow.CommandBus#replay(Class, io.sourceflow.EntityRef)} in mode {@value #FULL} and
 * {@link io.sourceflow.ViewRebuilds#replay} in mode {@value #VIEWS_ONLY}, whose first and last steps
 * start and finish the rebuild.
 */
public final class ReplayJob {

    /** The job's name, its JSL file's under {@code META-INF/batch-jobs}. */
    public static final String NAME = "sourceflow-replay";
    /** The entity classes' names, separated by commas (required). */
    public static final String ENTITY_TYPE = "entityType";
    /** How many partitions replay at once; 1 by default. */
    public static final String PARTITIONS = "partitions";
    /** How many entities one chunk replays; 50 by default. */
    public static final String CHUNK = "chunk";
    /** {@value #FULL} (the default) or {@value #VIEWS_ONLY}. */
    public static final String MODE = "mode";
    /** In mode {@value #VIEWS_ONLY}, the views' class names, separated by commas. */
    public static final String VIEWS = "views";
    /** The mode that rebuilds the entities and every view their events reach. */
    public static final String FULL = "full";
    /** The mode that rebuilds the named views alone, the entities recomputed in memory. */
    public static final String VIEWS_ONLY = "views";

    private ReplayJob() {
    }

    /**
     * Starts the job.
     *
     * @param operator the runtime's job operator
     * @param entityTypes the entity classes, at least one
     * @param partitions how many partitions replay at once, at least 1
     * @param views the views to rebuild alone; none for mode {@value #FULL}
     * @return the execution id
     * @throws IllegalArgumentException when {@code partitions} is below 1 or no entity type is given
     */
    public static long start(JobOperator operator, List<Class<?>> entityTypes, int partitions, Set<Class<?>> views) {
        if (partitions < 1) {
            throw new IllegalArgumentException("A replay job runs in at least 1 partition, not " + partitions);
        }
        if (entityTypes.isEmpty()) {
            throw new IllegalArgumentException("A replay job replays at least 1 entity type");
        }
        Properties parameters = new Properties();
        parameters.setProperty(ENTITY_TYPE, names(entityTypes));
        parameters.setProperty(PARTITIONS, Integer.toString(partitions));
        parameters.setProperty(MODE, views.isEmpty() ? FULL : VIEWS_ONLY);
        if (!views.isEmpty()) {
            parameters.setProperty(VIEWS, names(views));
        }
        return operator.start(NAME, parameters);
    }

    /**
     * Who runs a rebuild of views started by the job ({@link io.sourceflow.ViewRebuilds#start}): its instance.
     *
     * @param instanceId the job instance's id
     * @return the owner's name
     */
    public static String owner(long instanceId) {
        return NAME + " instance " + instanceId;
    }

    private static String names(Collection<Class<?>> classes) {
        return classes.stream().map(Class::getName).collect(Collectors.joining(","));
    }
}
