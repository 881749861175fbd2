package io.sourceflow.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.cdi.StandaloneRuntime;
import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.AccountViewModel;
import io.sourceflow.cdi.bank.BankAccount;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.runtime.context.JobContext;
import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The job's artifacts on the runtime without a container (the job itself runs in the servers'
 * batch runtimes, see the sample's tests): partitions that split the ids without overlap, a reader
 * that restarts after its checkpoint, a writer that replays and counts what it replayed.
 */
class ReplayJobArtifactsTest {

    private static final int ACCOUNTS = 1_203;

    private final AccountAggregate accounts = new AccountAggregate();
    private StandaloneRuntime runtime;

    @BeforeEach
    void accounts() {
        runtime = StandaloneRuntime.builder().handlers(new AccountSaga(), new AccountView(), accounts).build();
        IntStream.range(0, ACCOUNTS).forEach(i -> accounts.open(String.format("a-%05d", i), "Holder " + i, BigDecimal.TEN));
    }

    @Test
    void threePartitionsReadEveryIdOnceBetweenThem() {
        PartitionPlan plan = mapper("3").mapPartitions();
        assertThat(plan.getPartitions()).isEqualTo(3);
        assertThat(plan.getThreads()).isEqualTo(3);

        Set<String> all = new HashSet<>();
        int read = 0;
        for (int i = 0; i < 3; i++) {
            List<String> ids = readAll(reader(plan.getPartitionProperties()[i].getProperty("partition"), "3", null));
            assertThat(ids).as("partition " + i + " takes a share").hasSizeBetween(ACCOUNTS / 6, ACCOUNTS / 2);
            all.addAll(ids);
            read += ids.size();
        }
        assertThat(read).isEqualTo(ACCOUNTS);
        assertThat(all).hasSize(ACCOUNTS);
    }

    @Test
    void aRestartedReaderGoesOnAfterItsCheckpoint() {
        EntityIdReader first = reader("0", "1", null);
        for (int i = 0; i < 700; i++) {
            first.readItem();
        }
        Serializable checkpoint = first.checkpointInfo();
        assertThat(checkpoint).isEqualTo(new EntityIdReader.Checkpoint(0, "a-00699"));

        List<String> rest = readAll(reader("0", "1", checkpoint));

        assertThat(rest).hasSize(ACCOUNTS - 700).first().isEqualTo("a-00700");
        assertThat(readAll(reader("0", "1", "a-00699"))).as("the checkpoint of a release that read one type: its last id")
                .isEqualTo(rest);
    }

    @Test
    void aReaderReopenedAtItsCheckpointAfterAFailedChunkReadsThatChunkAgainAndNothingTwice() {
        // the runtime rolls a failed chunk back and reopens the same reader at the last checkpoint
        EntityIdReader reader = reader("0", "1", null);
        readSome(reader, 100);
        Serializable checkpoint = reader.checkpointInfo();
        readSome(reader, 50);
        reader.open(checkpoint);

        List<String> rest = readAll(reader);

        assertThat(rest).hasSize(ACCOUNTS - 100).first().isEqualTo("a-00100");
        assertThat(rest).doesNotHaveDuplicates();

        // and once the last page was read before the failure
        EntityIdReader late = reader("0", "1", null);
        readSome(late, ACCOUNTS - 3);
        Serializable nearEnd = late.checkpointInfo();
        readSome(late, 2);
        late.open(nearEnd);
        assertThat(readAll(late)).containsExactly("a-01200", "a-01201", "a-01202");
    }

    @Test
    void theWriterReplaysEachEntityOfAChunk() {
        accounts.deposit("a-00001", BigDecimal.ONE);
        runtime.views().delete(AccountViewModel.class, "a-00001");
        EntityReplayWriter writer = new EntityReplayWriter();
        writer.replays = new EntityReplays();
        writer.replays.bus = runtime.bus();
        writer.replays.rebuilds = runtime.rebuilds();
        writer.store = runtime.views();
        writer.job = (JobContext) Proxy.newProxyInstance(JobContext.class.getClassLoader(), new Class<?>[] {JobContext.class},
                (proxy, method, args) -> method.getName().equals("getInstanceId") ? 7L : null);
        writer.partition = "1";
        writer.open(null);

        writer.writeItems(List.of(account("a-00001"), account("a-00002")));
        writer.writeItems(List.of(account("a-00003")));

        assertThat(runtime.views().find(AccountViewModel.class, "a-00001").orElseThrow().currentBalance())
                .isEqualByComparingTo("11");
        assertThat(runtime.views().find(ReplayProgress.class, "7/1")).contains(new ReplayProgress(3));
    }

    @Test
    void inModeViewsTheWriterRebuildsTheNamedViewsAloneAndWritesNoEntity() {
        accounts.deposit("a-00001", BigDecimal.ONE);
        runtime.views().delete(AccountViewModel.class, "a-00001");
        runtime.entities().delete(BankAccount.class, "a-00002");
        EntityReplayWriter writer = new EntityReplayWriter();
        writer.replays = new EntityReplays();
        writer.replays.rebuilds = runtime.rebuilds();
        writer.store = runtime.views();
        writer.job = (JobContext) Proxy.newProxyInstance(JobContext.class.getClassLoader(), new Class<?>[] {JobContext.class},
                (proxy, method, args) -> method.getName().equals("getInstanceId") ? 8L : null);
        writer.partition = "0";
        writer.mode = ReplayJob.VIEWS_ONLY;
        writer.views = AccountView.class.getName();
        writer.open(null);

        writer.writeItems(List.of(account("a-00001"), account("a-00002")));

        assertThat(runtime.views().find(AccountViewModel.class, "a-00001").orElseThrow().currentBalance())
                .isEqualByComparingTo("11");
        assertThat(runtime.entities().find(BankAccount.class, "a-00002")).as("recomputed in memory, not written").isEmpty();
        assertThat(runtime.views().find(ReplayProgress.class, "8/0")).contains(new ReplayProgress(2));
    }

    @Test
    void wrongParametersAreRefusedByName() {
        assertThatThrownBy(() -> mapper("0").mapPartitions()).hasMessageContaining("'partitions' is 1 to 64, not 0");
        assertThatThrownBy(() -> mapper("two").mapPartitions()).hasMessageContaining("'partitions' is a whole number, not 'two'");
        EntityIdReader reader = reader("0", "1", null);
        reader.entityType = "no.such.Entity";
        assertThatThrownBy(() -> reader.open(null)).hasMessageContaining("'entityType' names no class of the application:"
                + " 'no.such.Entity'");
        reader.entityType = String.class.getName();
        reader.open(null);
        assertThatThrownBy(reader::readItem).hasMessageContaining("java.lang.String is not the entity type of a saga here");
        reader.entityType = " , ";
        assertThatThrownBy(() -> reader.open(null)).hasMessageContaining("The job parameter 'entityType' is required");
        assertThatThrownBy(() -> JobProperties.views("views", null)).hasMessageContaining("Mode 'views' needs the job parameter"
                + " 'views'");
        assertThatThrownBy(() -> JobProperties.views("full", AccountView.class.getName()))
                .hasMessageContaining("The job parameter 'views' is for mode 'views'");
        assertThatThrownBy(() -> JobProperties.views("some", null)).hasMessageContaining("'mode' is 'full' or 'views', not 'some'");
        assertThat(JobProperties.views(null, " ")).as("full by default").isEmpty();
    }

    @Test
    void aReaderGoesThroughSeveralTypesOneAfterTheOther() {
        EntityIdReader reader = new EntityIdReader();
        reader.history = runtime.history();
        reader.entityType = BankAccount.class.getName() + ", " + BankAccount.class.getName();
        reader.open(null);

        assertThat(readAll(reader)).as("a type named twice is read once").hasSize(ACCOUNTS);
    }

    private EntityIdReader reader(String partition, String partitions, Serializable checkpoint) {
        EntityIdReader reader = new EntityIdReader();
        reader.history = runtime.history();
        reader.entityType = BankAccount.class.getName();
        reader.partition = partition;
        reader.partitions = partitions;
        reader.open(checkpoint);
        return reader;
    }

    private static EntityPartitions mapper(String partitions) {
        EntityPartitions mapper = new EntityPartitions();
        mapper.partitions = partitions;
        return mapper;
    }

    private static void readSome(EntityIdReader reader, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(reader.readItem()).isNotNull();
        }
    }

    private static List<String> readAll(EntityIdReader reader) {
        List<String> ids = new ArrayList<>();
        for (Object item = reader.readItem(); item != null; item = reader.readItem()) {
            ids.add(((EntityItem) item).id());
        }
        return ids;
    }

    private static EntityItem account(String id) {
        return new EntityItem(BankAccount.class, id);
    }
}
