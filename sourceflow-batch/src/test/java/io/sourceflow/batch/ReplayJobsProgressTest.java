package io.sourceflow.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.History;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.spi.ViewModelStore;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import java.lang.reflect.Proxy;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link ReplayJobs#progress} on a batch runtime whose job execution is a live object, as JBeret's
 * in-memory repository (WildFly's default) hands out: the status it reports is the one it read
 * before counting the partitions' progress, so an execution reported completed has every
 * partition's count (the fresh-clone CI once saw "COMPLETED, 8 of 18" on WildFly).
 */
class ReplayJobsProgressTest {

    private final Map<String, ReplayProgress> progress = new HashMap<>();
    private BatchStatus status = BatchStatus.STARTED;

    @Test
    void anExecutionThatCompletesWhileItsProgressIsReadIsReportedAsRunning() {
        progress.put(ReplayProgress.id(1, 1), new ReplayProgress(8));
        ReplayJobs jobs = jobs(() -> {
            // the job ends between the reads: partition 0 commits its 10, the execution completes
            progress.put(ReplayProgress.id(1, 0), new ReplayProgress(10));
            status = BatchStatus.COMPLETED;
        });

        ReplayJobs.Progress read = jobs.progress(7);

        assertThat(read.status()).isEqualTo("STARTED");
        assertThat(read.done()).isEqualTo(8);
        assertThat(read.total()).isEqualTo(18);
        ReplayJobs.Progress next = jobs.progress(7);
        assertThat(next.status()).isEqualTo("COMPLETED");
        assertThat(next.done()).isEqualTo(18);
    }

    /** The jobs bean on fakes: {@code afterFirstRead} runs once, after partition 0's count was read. */
    private ReplayJobs jobs(Runnable afterFirstRead) {
        ReplayJobs jobs = new ReplayJobs();
        jobs.history = fake(History.class, (name, args) -> name.equals("entityIds") && args[1] == null
                ? IntStream.range(0, 18).mapToObj(i -> "a" + i).toList() : List.of());
        boolean[] ran = {false};
        jobs.store = fake(ViewModelStore.class, (name, args) -> {
            Optional<ReplayProgress> found = Optional.ofNullable(progress.get((String) args[1]));
            if (!ran[0] && args[1].equals(ReplayProgress.id(1, 0))) {
                ran[0] = true;
                afterFirstRead.run();
            }
            return found;
        });
        JobExecution execution = fake(JobExecution.class, (name, args) -> switch (name) {
            case "getBatchStatus" -> status;
            case "getExecutionId" -> 7L;
            case "getStartTime" -> new Date(0);
            case "getEndTime" -> status == BatchStatus.COMPLETED ? new Date(1_000) : null;
            case "getLastUpdatedTime" -> new Date(1_000);
            default -> null;
        });
        JobInstance instance = fake(JobInstance.class, (name, args) -> 1L);
        Properties parameters = new Properties();
        parameters.setProperty(ReplayJob.PARTITIONS, "2");
        parameters.setProperty(ReplayJob.ENTITY_TYPE, BankAccount.class.getName());
        jobs.operators = () -> fake(JobOperator.class, (name, args) -> switch (name) {
            case "getJobExecution" -> execution;
            case "getJobInstance" -> instance;
            case "getParameters" -> parameters;
            case "getJobExecutions" -> List.of(execution);
            default -> throw new UnsupportedOperationException(name);
        });
        return jobs;
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T fake(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.answer(method.getName(), args)));
    }
}
