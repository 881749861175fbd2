package io.sourceflow.benchmarks;

import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.Metadata;
import io.sourceflow.benchmarks.Bank.Account;
import io.sourceflow.benchmarks.Bank.Balance;
import io.sourceflow.benchmarks.Bank.Deposit;
import io.sourceflow.benchmarks.Bank.Deposited;
import io.sourceflow.benchmarks.Bank.Open;
import io.sourceflow.cdi.SourceFlowExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole in-memory pipeline through the CDI beans (publish, sequence claim and log append,
 * saga, event, view) beside a hand-wired baseline that makes the same objects and the same map
 * updates with direct calls. Run with {@code -t 1} and {@code -t 2}, and {@code -prof gc}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class PipelineBenchmark {

    /** A fresh SourceFlow container per iteration, so the log does not grow without bound. */
    @State(Scope.Benchmark)
    public static class Framework {
        @Param("1000")
        int accounts;
        WeldContainer container;
        CommandBus bus;
        EntityRef[] refs;

        @Setup(Level.Iteration)
        public void start() {
            container = new Weld().disableDiscovery().addExtension(new SourceFlowExtension())
                    .addBeanClasses(Bank.AccountSaga.class, Bank.BalanceView.class).initialize();
            bus = container.select(CommandBus.class).get();
            refs = new EntityRef[accounts];
            for (int i = 0; i < accounts; i++) {
                refs[i] = EntityRef.of("account-" + i);
                bus.publish(new Open(refs[i].asNew()));
            }
        }

        @TearDown(Level.Iteration)
        public void stop() {
            container.close();
        }
    }

    /** The same state kept in plain maps, reset per iteration. */
    @State(Scope.Benchmark)
    public static class Direct {
        @Param("1000")
        int accounts;
        Map<String, List<Deposit>> log;
        Map<String, Account> entities;
        Map<String, Balance> views;
        EntityRef[] refs;

        @Setup(Level.Iteration)
        public void start() {
            log = new ConcurrentHashMap<>();
            entities = new ConcurrentHashMap<>();
            views = new ConcurrentHashMap<>();
            refs = new EntityRef[accounts];
            for (int i = 0; i < accounts; i++) {
                refs[i] = EntityRef.of("account-" + i);
                log.put(refs[i].id(), new ArrayList<>());
                entities.put(refs[i].id(), new Account(refs[i].id(), 0));
            }
        }

        void deposit(Deposit command) {
            String id = command.entity().id();
            List<Deposit> commands = log.get(id);
            synchronized (commands) {
                commands.add(command);
            }
            Account account = entities.get(id);
            Account updated = new Account(id, account.balance() + command.amount());
            entities.put(id, updated);
            Deposited event = new Deposited(id, updated.balance(), command.amount());
            Balance current = views.get(id);
            views.put(id, new Balance(event.balance(), current == null ? 1 : current.deposits() + 1));
        }
    }

    /** Each thread walks the accounts from its own starting point. */
    @State(Scope.Thread)
    public static class Cursor {
        int next = (int) (Thread.currentThread().getId() * 7919);

        EntityRef pick(EntityRef[] refs) {
            next = (next + 1) % refs.length;
            return refs[next];
        }
    }

    /**
     * SourceFlow: one deposit through {@code CommandBus.publish}.
     *
     * @param framework the container
     * @param cursor this thread's position
     * @return the command's metadata
     */
    @Benchmark
    public Metadata sourceflow(Framework framework, Cursor cursor) {
        return framework.bus.publish(new Deposit(cursor.pick(framework.refs), 1));
    }

    /**
     * Baseline: the same deposit with direct calls and map updates.
     *
     * @param direct the maps
     * @param cursor this thread's position
     * @return the command
     */
    @Benchmark
    public Deposit direct(Direct direct, Cursor cursor) {
        Deposit command = new Deposit(cursor.pick(direct.refs), 1);
        direct.deposit(command);
        return command;
    }
}
