package io.sourceflow.benchmarks.jms;

import io.sourceflow.CommandBus;
import io.sourceflow.jms.support.EmbeddedBroker;
import io.sourceflow.jms.support.TestServer;
import io.sourceflow.jms.support.XaConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The embedded Artemis broker (persistent, NIO journal, with or without a disk sync per commit), the
 * XA connection factory that enlists sends in Narayana's JTA transactions, and a sending "server"
 * (Weld SE, in-memory stores) that routes every command to the queue. Also captures one message
 * the framework sent, so that raw JMS sends the very same body and properties, and looks the queue
 * up once, as the framework does.
 */
@State(Scope.Benchmark)
public class JmsBroker {

    /** Whether each commit waits for the journal to reach the disk, as in production. */
    @Param({"true", "false"})
    public boolean syncJournal;

    EmbeddedBroker broker;
    XaConnectionFactory factory;
    TestServer server;
    CommandBus bus;
    String body;
    Queue queue;
    final Map<String, String> properties = new LinkedHashMap<>();
    final AtomicInteger callers = new AtomicInteger();

    /**
     * Starts the broker and the server, and captures a sent message.
     *
     * @throws JMSException when the captured message cannot be read
     */
    @Setup(Level.Trial)
    public void start() throws JMSException {
        broker = EmbeddedBroker.start("bench-" + syncJournal, syncJournal);
        factory = new XaConnectionFactory(broker.xaConnectionFactory());
        server = TestServer.named("bench_b").jms(factory)
                .config("sourceflow.jms.command-queue", EmbeddedBroker.COMMANDS)
                .config("sourceflow.jms.routed-commands", "*")
                .config("sourceflow.jms.consumer", "bench")
                .start();
        bus = server.get(CommandBus.class);
        bus.publish(JmsDispatchBenchmark.deposit("capture"));
        try (JMSContext context = factory.createContext();
                JMSConsumer consumer = context.createConsumer(context.createQueue(EmbeddedBroker.COMMANDS))) {
            queue = context.createQueue(EmbeddedBroker.COMMANDS);
            Message sent = consumer.receive(10_000);
            body = sent.getBody(String.class);
            for (Object name : Collections.list(sent.getPropertyNames())) {
                String key = (String) name;
                if (key.startsWith("sourceflow_") || key.equals("JMSXGroupID")) {
                    properties.put(key, sent.getStringProperty(key));
                }
            }
        }
    }

    /** Empties the queue between iterations, so the broker works at the same depth throughout. */
    @TearDown(Level.Iteration)
    public void purge() {
        broker.purge(EmbeddedBroker.COMMANDS);
    }

    /**
     * Stops the server and the broker.
     *
     * @throws Exception when stopping fails
     */
    @TearDown(Level.Trial)
    public void stop() throws Exception {
        try {
            server.close();
        } finally {
            factory.close();
            broker.close();
        }
    }
}
