package io.sourceflow.benchmarks.jms;

import io.sourceflow.EntityRef;
import io.sourceflow.Metadata;
import io.sourceflow.cdi.bank.Commands.DepositMoney;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.transaction.TransactionManager;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Commands per second sent to an Artemis queue through SourceFlow's JMS dispatcher
 * ({@code CommandBus.publish} of a routed command: sequence claim and append to the in-memory log,
 * envelope written as JSON, XA send enlisted in the JTA transaction) beside raw JMS sending the same
 * body with the same properties through the same XA connection factory in the same kind of JTA
 * transaction. Twice: one command per transaction (the usual case; the bus starts and commits the
 * transaction itself), and 100 per transaction (the commit amortised, so per-message costs show).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-DObjectStoreEnvironmentBean.objectStoreDir=target/narayana",
    "-Dcom.arjuna.ats.arjuna.objectstore.objectStoreDir=target/narayana", "-Dsourceflow.test.artemis.dir=target/artemis",
    "-Djava.util.logging.config.file=config/test-logging.properties"})
public class JmsDispatchBenchmark {

    static final int BATCH = 100;

    /** One caller: its own entity, and the transaction manager. */
    @State(Scope.Thread)
    public static class Caller {
        String entityId;
        TransactionManager tm;

        /**
         * Picks the caller's entity.
         *
         * @param jms the broker
         */
        @Setup(Level.Trial)
        public void start(JmsBroker jms) {
            entityId = "acct-" + jms.callers.incrementAndGet();
            tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
        }
    }

    static DepositMoney deposit(String entityId) {
        return new DepositMoney(EntityRef.of(entityId), new BigDecimal("12.50"));
    }

    /**
     * One routed command through the bus, which runs it in a JTA transaction of its own.
     *
     * @param jms the broker and server
     * @param caller the caller
     * @return the logged metadata
     */
    @Benchmark
    public Metadata framework(JmsBroker jms, Caller caller) {
        return jms.bus.publish(deposit(caller.entityId));
    }

    /**
     * One routed command through the bus inside a JTA transaction the caller begins and commits,
     * as {@link #rawJms} does.
     *
     * @param jms the broker and server
     * @param caller the caller
     * @throws Exception when the transaction fails
     */
    @Benchmark
    public void frameworkInCallersTransaction(JmsBroker jms, Caller caller) throws Exception {
        caller.tm.begin();
        jms.bus.publish(deposit(caller.entityId));
        caller.tm.commit();
    }

    /**
     * One raw JMS send of the same message in a JTA transaction.
     *
     * @param jms the broker
     * @param caller the caller
     * @throws Exception when the transaction fails
     */
    @Benchmark
    public void rawJms(JmsBroker jms, Caller caller) throws Exception {
        caller.tm.begin();
        send(jms);
        caller.tm.commit();
    }

    /**
     * A hundred routed commands through the bus in one JTA transaction.
     *
     * @param jms the broker and server
     * @param caller the caller
     * @throws Exception when the transaction fails
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void framework100PerTransaction(JmsBroker jms, Caller caller) throws Exception {
        caller.tm.begin();
        for (int i = 0; i < BATCH; i++) {
            jms.bus.publish(deposit(caller.entityId));
        }
        caller.tm.commit();
    }

    /**
     * A hundred raw JMS sends of the same message in one JTA transaction.
     *
     * @param jms the broker
     * @param caller the caller
     * @throws Exception when the transaction fails
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void rawJms100PerTransaction(JmsBroker jms, Caller caller) throws Exception {
        caller.tm.begin();
        for (int i = 0; i < BATCH; i++) {
            send(jms);
        }
        caller.tm.commit();
    }

    /** What the dispatcher does, minus SourceFlow: a context from the factory, a producer, the properties, the send. */
    private static void send(JmsBroker jms) {
        try (JMSContext context = jms.factory.createContext()) {
            JMSProducer producer = context.createProducer();
            jms.properties.forEach(producer::setProperty);
            producer.setProperty("sourceflow_message_id", Metadata.newId().toString());
            producer.send(jms.queue, jms.body);
        }
    }
}
