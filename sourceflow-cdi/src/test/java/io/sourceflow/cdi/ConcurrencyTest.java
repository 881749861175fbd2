package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.AccountViewModel;
import io.sourceflow.cdi.bank.ActivityView;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.spi.CommandStore;
import io.sourceflow.spi.EntityStore;
import io.sourceflow.spi.ViewModelStore;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/** Many threads writing few entities: logs stay gap-free and balances add up. */
@EnableWeld
class ConcurrencyTest {

    private static final int THREADS = 8;
    private static final int COMMANDS = 10_000;
    private static final int ENTITIES = 10;

    @WeldSetup
    WeldInitiator weld = SourceFlowWeld.initiator(AccountSaga.class, AccountView.class, ActivityView.class, AccountAggregate.class);

    @Inject
    AccountAggregate accounts;
    @Inject
    CommandStore log;
    @Inject
    EntityStore entities;
    @Inject
    ViewModelStore views;

    @Test
    void eightThreadsTenThousandCommandsTenEntities() throws InterruptedException {
        // given
        for (int e = 0; e < ENTITIES; e++) {
            accounts.open(id(e), "Owner " + e, BigDecimal.ZERO);
        }
        AtomicLongArray sums = new AtomicLongArray(ENTITIES);
        AtomicLongArray counts = new AtomicLongArray(ENTITIES);
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();

        // when
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int share = COMMANDS / THREADS;
            Thread thread = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < share; i++) {
                    int e = random.nextInt(ENTITIES);
                    long amount = 1 + random.nextInt(100);
                    accounts.deposit(id(e), BigDecimal.valueOf(amount));
                    sums.addAndGet(e, amount);
                    counts.incrementAndGet(e);
                }
            }, "writer-" + t);
            thread.setUncaughtExceptionHandler((th, error) -> failures.add(error));
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        // then
        assertThat(failures).isEmpty();
        long total = 0;
        for (int e = 0; e < ENTITIES; e++) {
            long n = counts.get(e) + 1;
            total += counts.get(e);
            assertThat(sequenceNumbers(id(e))).as("log of %s", id(e))
                    .containsExactly(LongStream.rangeClosed(1, n).boxed().toArray(Long[]::new));
            assertThat(entities.find(BankAccount.class, id(e)).orElseThrow().getBalance())
                    .isEqualByComparingTo(BigDecimal.valueOf(sums.get(e)));
            AccountViewModel view = views.find(AccountViewModel.class, id(e)).orElseThrow();
            assertThat(view.currentBalance()).isEqualByComparingTo(BigDecimal.valueOf(sums.get(e)));
            assertThat(view.transactionCount()).isEqualTo(counts.get(e));
        }
        assertThat(total).isEqualTo(COMMANDS);
    }

    private List<Long> sequenceNumbers(String id) {
        try (Stream<Envelope<Command>> commands = log.load("BankAccount", id)) {
            return commands.map(c -> c.metadata().sequenceNo()).toList();
        }
    }

    private static String id(int e) {
        return "c-" + e;
    }
}
