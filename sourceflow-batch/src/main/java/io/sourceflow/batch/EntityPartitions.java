package io.sourceflow.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Properties;

/**
 * Splits the replay into {@code partitions} partitions run at once, each given its number
 * ({@code partition}) and the count ({@code partitions}); {@link EntityIdReader} takes the ids that
 * fall to it.
 */
@Named("sourceflowPartitions")
@Dependent
public class EntityPartitions implements PartitionMapper {

    /** The most partitions a job may ask for. */
    static final int MAX = 64;

    @Inject
    @BatchProperty
    String partitions;

    @Override
    public PartitionPlan mapPartitions() {
        int count = JobProperties.number(partitions, 1, ReplayJob.PARTITIONS, 1, MAX);
        Properties[] properties = new Properties[count];
        for (int i = 0; i < count; i++) {
            properties[i] = new Properties();
            properties[i].setProperty("partition", Integer.toString(i));
            properties[i].setProperty("partitions", Integer.toString(count));
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(count);
        plan.setThreads(count);
        plan.setPartitionProperties(properties);
        return plan;
    }
}
