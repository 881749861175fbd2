package io.sourceflow.benchmarks.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The peer of SourceFlow's JPA stores in the store benchmark: Axon Framework 4 on the same
 * PostgreSQL schema and pool, configured as its documentation shows for JDBC without Spring. Its
 * JDBC event store ({@code domainevententry}, created by Axon), events in JSON (Axon's Jackson 3
 * serializer), the account an event-sourced aggregate kept in a cache that holds every account
 * ({@link StrongCache}), and the view row updated by a subscribing event processor. One deposit is
 * one unit of work on one pooled connection ({@link UnitOfWorkAwareConnectionProviderWrapper}: the
 * event insert and the view update commit together when the unit of work does; Axon 4 has no JDBC
 * transaction manager, so the transaction manager is {@code NoTransactionManager}).
 */
@State(Scope.Benchmark)
public class AxonBank {

    private PostgresBank bank;
    private Configuration configuration;
    private CommandGateway commands;

    /**
     * Creates Axon's tables in the bank's schema and starts Axon.
     *
     * @param bank the database
     */
    @Setup(Level.Trial)
    public void start(PostgresBank bank) {
        this.bank = bank;
        // a benchmark neither reports its runs to the vendor nor prints its advertisement
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        ConnectionProvider connections = new UnitOfWorkAwareConnectionProviderWrapper(this::connection);
        Serializer serializer = Jackson3Serializer.builder().build();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder().connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE).eventSerializer(serializer).snapshotSerializer(serializer)
                .build();
        engine.createSchema(PostgresEventTableFactory.INSTANCE);
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer).configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> NoTransactionManager.INSTANCE)
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(AxonAccount.class).configureCache(c -> new StrongCache()));
        configurer.eventProcessing().usingSubscribingEventProcessors()
                .registerEventHandler(c -> new AxonSummary(connections))
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
        configuration = configurer.start();
        commands = configuration.commandGateway();
    }

    /** A pooled connection, in a transaction of its own when a unit of work takes it. */
    private Connection connection() throws SQLException {
        Connection c = bank.db.connect();
        c.setAutoCommit(!CurrentUnitOfWork.isStarted());
        return c;
    }

    /**
     * Opens an account: its view row, then the command that starts its stream.
     *
     * @param id the account
     * @throws SQLException when the database fails
     */
    void open(String id) throws SQLException {
        try (Connection c = bank.db.connect(); PreparedStatement view = c.prepareStatement("INSERT INTO bank_account_summary"
                + " (id, account_name, balance, transaction_count, closed, version) VALUES (?, 'J', 0, 0, false, 1)")) {
            view.setString(1, id);
            view.executeUpdate();
        }
        commands.sendAndWait(new AxonAccount.Open(id));
    }

    /**
     * Deposits 1 into an account, in one unit of work.
     *
     * @param id the account
     */
    void deposit(String id) {
        commands.sendAndWait(new AxonAccount.Deposit(id, 1));
    }

    /**
     * Checks that every deposit reached the store and the view.
     *
     * @param id the account
     * @param deposits how many deposits were made
     * @throws SQLException when the database fails
     */
    void check(String id, long deposits) throws SQLException {
        try (Connection c = bank.db.connect();
                PreparedStatement events = c.prepareStatement("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ?");
                PreparedStatement view = c.prepareStatement("SELECT balance, transaction_count FROM bank_account_summary WHERE id = ?")) {
            events.setString(1, id);
            view.setString(1, id);
            try (ResultSet e = events.executeQuery(); ResultSet v = view.executeQuery()) {
                if (!e.next() || !v.next() || e.getLong(1) != deposits + 1 || v.getLong(1) != deposits || v.getLong(2) != deposits) {
                    throw new IllegalStateException("Axon's account " + id + " does not hold its " + deposits + " deposits");
                }
            }
        }
    }

    /** Stops Axon. */
    @TearDown(Level.Trial)
    public void stop() {
        configuration.shutdown();
    }
}
