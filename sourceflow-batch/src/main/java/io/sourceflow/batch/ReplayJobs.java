package io.sourceflow.batch;

import io.sourceflow.History;
import io.sourceflow.spi.ViewModelStore;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The replay job's executions: start one, restart or stop it, and read how far it has got (the
 * entities its chunks committed, from {@link ReplayProgress}, beside the number of entities of the
 * type with a log). Inject it where an application offers the job to its operators.
 */
@ApplicationScoped
public class ReplayJobs {

    /** Ids read per query when counting a type's entities. */
    private static final int PAGE = 1_000;

    @Inject
    History history;

    @Inject
    ViewModelStore store;

    /** The number of entities each job instance replays, counted once per instance on this server. */
    private final Map<Long, Long> totals = new ConcurrentHashMap<>();

    /** The batch runtime's job operator; a test's fake in unit tests. */
    Supplier<JobOperator> operators = BatchRuntime::getJobOperator;

    /**
     * Starts a replay of every entity of a type, rebuilding the entities and every view.
     *
     * @param entityType the entity's class ({@code E} of its {@code Saga<E>})
     * @param partitions how many partitions replay at once, 1 to 64
     * @return the execution id
     */
    public long start(Class<?> entityType, int partitions) {
        return ReplayJob.start(operator(), List.of(entityType), partitions, Set.of());
    }

    /**
     * Starts a rebuild of views alone from every entity of the types whose events they take (their
     * models are deleted first; see {@link io.sourceflow.ViewRebuilds}).
     *
     * @param entityTypes the entity classes, every one whose events the views take
     * @param partitions how many partitions replay at once, 1 to 64
     * @param views the views to rebuild, at least one
     * @return the execution id
     */
    public long rebuild(List<Class<?>> entityTypes, int partitions, Set<Class<?>> views) {
        if (views.isEmpty()) {
            throw new IllegalArgumentException("Name at least one view to rebuild");
        }
        return ReplayJob.start(operator(), entityTypes, partitions, views);
    }

    /**
     * Restarts a failed or stopped execution, with its parameters, from its partitions' last checkpoints.
     *
     * @param executionId the execution
     * @return the new execution's id
     */
    public long restart(long executionId) {
        JobOperator operator = operator();
        return operator.restart(executionId, operator.getParameters(executionId));
    }

    /**
     * Asks an execution to stop after the chunks it is in.
     *
     * @param executionId the execution
     */
    public void stop(long executionId) {
        operator().stop(executionId);
    }

    /**
     * Where an execution stands.
     *
     * @param executionId the execution
     * @return its status and how many entities its job instance has replayed, of how many
     * @throws jakarta.batch.operations.NoSuchJobExecutionException when there is no such execution
     */
    public Progress progress(long executionId) {
        JobOperator operator = operator();
        JobExecution execution = operator.getJobExecution(executionId);
        // read before the counts: a runtime may hand out the live execution (JBeret's in-memory repository),
        // and a status read after them could say completed beside counts read while partitions still ran
        String status = execution.getBatchStatus().name();
        Instant started = instant(execution.getStartTime());
        Instant ended = instant(execution.getEndTime());
        JobInstance instance = operator.getJobInstance(executionId);
        Properties parameters = operator.getParameters(executionId);
        int partitions = JobProperties.number(parameters.getProperty(ReplayJob.PARTITIONS), 1, ReplayJob.PARTITIONS, 1,
                EntityPartitions.MAX);
        long done = 0;
        for (int partition = 0; partition < partitions; partition++) {
            done += store.find(ReplayProgress.class, ReplayProgress.id(instance.getInstanceId(), partition))
                    .map(ReplayProgress::done).orElse(0L);
        }
        long total = totals.computeIfAbsent(instance.getInstanceId(),
                i -> count(JobProperties.entityClasses(parameters.getProperty(ReplayJob.ENTITY_TYPE))));
        Duration ran = Duration.ZERO;
        for (JobExecution run : operator.getJobExecutions(instance)) {
            Date end = run.getEndTime() != null ? run.getEndTime() : run.getLastUpdatedTime();
            boolean running = run.getBatchStatus().name().startsWith("START") || run.getBatchStatus().name().equals("STOPPING");
            if (run.getStartTime() != null && (running || end != null)) {
                ran = ran.plus(Duration.between(run.getStartTime().toInstant(), running ? Instant.now() : end.toInstant()));
            }
        }
        double perSecond = ran.isZero() ? 0 : done * 1000.0 / ran.toMillis();
        Long secondsLeft = perSecond > 0 && done < total ? (long) Math.ceil((total - done) / perSecond) : null;
        String views = parameters.getProperty(ReplayJob.VIEWS);
        return new Progress(executionId, instance.getInstanceId(), status,
                views == null || views.isBlank() ? List.of() : List.of(views.split(",")), done, total,
                started, ended, perSecond, secondsLeft);
    }

    /**
     * The newest executions of the replay job, newest first: the last execution of each of its newest instances.
     *
     * @param max the most to list
     * @return their progress
     */
    public List<Progress> recent(int max) {
        JobOperator operator = operator();
        if (!operator.getJobNames().contains(ReplayJob.NAME)) {
            return List.of();
        }
        List<Progress> recent = new ArrayList<>();
        for (JobInstance instance : operator.getJobInstances(ReplayJob.NAME, 0, max)) {
            operator.getJobExecutions(instance).stream().mapToLong(JobExecution::getExecutionId).max()
                    .ifPresent(last -> recent.add(progress(last)));
        }
        return recent;
    }

    private long count(List<Class<?>> entityTypes) {
        long count = 0;
        for (Class<?> entityType : entityTypes) {
            String after = null;
            for (List<String> page = history.entityIds(entityType, null, PAGE); !page.isEmpty();
                    page = page.size() < PAGE ? List.of() : history.entityIds(entityType, after, PAGE)) {
                count += page.size();
                after = page.get(page.size() - 1);
            }
        }
        return count;
    }

    private JobOperator operator() {
        return operators.get();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /**
     * Where an execution stands.
     *
     * @param executionId the execution
     * @param instanceId its job instance (shared by its restarts)
     * @param status the batch status: STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED, ABANDONED
     * @param views the views it rebuilds alone; empty for a full replay (the entities and every view)
     * @param done entities the job instance's committed chunks replayed, over all its executions
     * @param total entities of the types with a log when the instance was first asked about on this server
     *     (entities logged later may make {@code done} pass it)
     * @param started when the execution started, or null
     * @param ended when it ended, or null
     * @param perSecond entities replayed per second over the time the instance's executions ran (an
     *     execution a crash ended, without an end time, until it was last updated)
     * @param secondsLeft at that rate, the seconds until every entity is done; null when done or not yet known
     */
    public record Progress(long executionId, long instanceId, String status, List<String> views, long done, long total,
            Instant started, Instant ended, double perSecond, Long secondsLeft) {
    }
}
