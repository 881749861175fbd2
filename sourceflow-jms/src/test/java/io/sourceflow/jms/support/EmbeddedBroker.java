package io.sourceflow.jms.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnector;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQXAConnectionFactory;

/**
 * An Artemis broker inside the test JVM, reachable only in-VM ({@code vm://0}, no network port):
 * persistent, NIO journal under {@code target/artemis/NAME} (wiped at start), security off. It has
 * the command queue {@value #COMMANDS} and the event topic {@value #EVENTS}. Redelivery is
 * immediate and unlimited, so that SourceFlow's {@code max-deliveries}, not the broker, decides
 * when a message is parked.
 */
public final class EmbeddedBroker implements AutoCloseable {

    /** The physical name of the command queue. */
    public static final String COMMANDS = "sourceflow.commands";
    /** The physical name of the event topic. */
    public static final String EVENTS = "sourceflow.events";
    /** The in-VM URL of the broker. */
    public static final String URL = "vm://0";

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    private final List<ActiveMQXAConnectionFactory> factories = new CopyOnWriteArrayList<>();

    private EmbeddedBroker(Configuration configuration) {
        broker.setConfiguration(configuration);
    }

    /**
     * Starts a broker.
     *
     * @param name the data directory's name, unique to the test class
     * @param syncJournal whether commits wait for the journal to reach the disk (as in production)
     * @return the running broker; close it
     */
    public static EmbeddedBroker start(String name, boolean syncJournal) {
        Path dir = Paths.get(System.getProperty("sourceflow.test.artemis.dir", "target/artemis"), name);
        delete(dir);
        Configuration configuration = new ConfigurationImpl()
                .setName(name)
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalSyncTransactional(syncJournal)
                .setJournalSyncNonTransactional(syncJournal)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dir.resolve("large").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .addAddressSetting("#", new AddressSettings().setRedeliveryDelay(0).setMaxDeliveryAttempts(-1)
                        .setDeadLetterAddress(SimpleString.of("DLQ")).setExpiryAddress(SimpleString.of("ExpiryQueue")))
                .addAddressConfiguration(new CoreAddressConfiguration().setName(COMMANDS)
                        .addRoutingType(RoutingType.ANYCAST)
                        .addQueueConfiguration(QueueConfiguration.of(COMMANDS).setRoutingType(RoutingType.ANYCAST)))
                .addAddressConfiguration(new CoreAddressConfiguration().setName(EVENTS)
                        .addRoutingType(RoutingType.MULTICAST));
        try {
            configuration.addAcceptorConfiguration("in-vm", URL);
            EmbeddedBroker started = new EmbeddedBroker(configuration);
            started.broker.start();
            return started;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the embedded Artemis broker " + name, e);
        }
    }

    /**
     * A new XA connection factory to this broker, as a resource adapter would hold; closed with the broker.
     *
     * @return the factory
     */
    public ActiveMQXAConnectionFactory xaConnectionFactory() {
        ActiveMQXAConnectionFactory factory = new ActiveMQXAConnectionFactory(URL);
        factories.add(factory);
        return factory;
    }

    /**
     * How many messages wait in a queue (for a topic: in a subscription's queue). The broker adds a
     * committed message to the queue shortly after it answered the commit: poll for a count.
     *
     * @param queue the queue's name
     * @return the count
     */
    public long depth(String queue) {
        var binding = broker.getActiveMQServer().locateQueue(queue);
        if (binding == null) {
            throw new IllegalArgumentException("No queue " + queue);
        }
        return binding.getMessageCount();
    }

    /**
     * Removes every message waiting in a queue.
     *
     * @param queue the queue's name
     * @return how many were removed
     */
    public long purge(String queue) {
        var binding = broker.getActiveMQServer().locateQueue(queue);
        if (binding == null) {
            throw new IllegalArgumentException("No queue " + queue);
        }
        try {
            long removed = binding.deleteAllReferences();
            broker.getActiveMQServer().getStorageManager().waitOnOperations(30_000);
            return removed;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot purge " + queue, e);
        }
    }

    @Override
    public void close() {
        factories.forEach(ActiveMQXAConnectionFactory::close);
        try {
            broker.stop();
            InVMConnector.resetThreadPool();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop the embedded Artemis broker", e);
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear " + dir, e);
        }
    }
}
