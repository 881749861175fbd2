package io.sourceflow.benchmarks.jpa;

import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.jpa.PlainJdbcCommandStore;
import io.sourceflow.jpa.PlainJdbcEntityStore;
import io.sourceflow.jpa.PlainJdbcViewModelStore;
import io.sourceflow.jpa.bank.AccountSummaryView;
import io.sourceflow.jpa.support.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A fresh PostgreSQL schema with the JPA stores (Weld SE, Narayana, EclipseLink, the JTA pool of
 * sourceflow-jpa's test support) and the bank domain: the account is a JSON document, its view
 * ({@code AccountSummary}) a JPA entity, so a deposit writes the log, the entity and the view.
 * {@link #transactions} picks how the pool enlists connections: {@code LOCAL} (default) as the
 * shipped Liberty PostgreSQL data source does (a non-XA pooled data source, its local transaction
 * the last resource), {@code XA} through the driver's XA resource ({@code -p transactions=XA}).
 * The pool's statements are the driver's, without the proxy that counts them in the tests.
 */
@State(Scope.Benchmark)
public class PostgresBank {

    /** {@code LOCAL} or {@code XA}: see {@link TestDatabase.Transactions}. */
    @Param("LOCAL")
    public String transactions;

    TestDatabase db;
    WeldContainer container;
    AccountAggregate accounts;
    final AtomicInteger callers = new AtomicInteger();
    private final Map<String, WeldContainer> prototypes = new HashMap<>();

    /** Creates the schema and starts the container. */
    @Setup(Level.Trial)
    public void start() {
        db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, "bench_jpa",
                TestDatabase.Transactions.valueOf(transactions));
        db.dataSource().withoutCounting();
        container = db.weld(AccountSaga.class, AccountSummaryView.class, AccountAggregate.class).initialize();
        accounts = container.select(AccountAggregate.class).get();
    }

    /**
     * The bank in a container of its own on the same database, persistence unit and pool, with a
     * prototype's stores (the {@code io.sourceflow.jpa.PlainJdbc*} classes: not the library) among its
     * beans, started on first use: {@code sourceflowPlain} writes the log and the entity's documents
     * by plain JDBC ({@link PlainJdbcCommandStore}, {@link PlainJdbcEntityStore}) beside the JPA view,
     * {@code sourceflowNoJpa} also the document view {@code AccountView} ({@link PlainJdbcViewModelStore}),
     * leaving the persistence provider nothing to do but hand out the transaction's connection.
     *
     * @param path {@code sourceflowPlain} or {@code sourceflowNoJpa}
     * @return that container's aggregate
     */
    synchronized AccountAggregate prototypeAccounts(String path) {
        WeldContainer prototype = prototypes.computeIfAbsent(path, name -> switch (name) {
            case "sourceflowPlain" -> db.weld(AccountSaga.class, AccountSummaryView.class, AccountAggregate.class,
                    PlainJdbcCommandStore.class, PlainJdbcEntityStore.class).containerId(name).initialize();
            case "sourceflowNoJpa" -> db.weld(AccountSaga.class, AccountView.class, AccountAggregate.class,
                    PlainJdbcCommandStore.class, PlainJdbcEntityStore.class, PlainJdbcViewModelStore.class).containerId(name).initialize();
            default -> throw new IllegalArgumentException("No prototype '" + name + "'");
        });
        return prototype.select(AccountAggregate.class).get();
    }

    /**
     * Stops the containers and closes the database.
     *
     * @throws Exception when closing fails
     */
    @TearDown(Level.Trial)
    public void stop() throws Exception {
        prototypes.values().forEach(WeldContainer::close);
        container.close();
        db.close();
    }
}
