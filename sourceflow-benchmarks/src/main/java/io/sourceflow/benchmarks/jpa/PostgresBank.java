package io.sourceflow.benchmarks.jpa;

import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.jpa.PlainJdbcCommandStore;
import io.sourceflow.jpa.PlainJdbcEntityStore;
import io.sourceflow.jpa.PlainJdbcViewModelStore;
import io.sourceflow.jpa.bank.AccountSummaryView;
import io.sourceflow.jpa.support.TestDatabase;
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
    private WeldContainer plain;
    private AccountAggregate plainAccounts;
    private WeldContainer noJpa;
    private AccountAggregate noJpaAccounts;

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
     * The bank in a second container on the same database and persistence unit whose log and entity
     * documents are written by plain JDBC ({@link PlainJdbcCommandStore}, {@link PlainJdbcEntityStore}:
     * a prototype, not the library), started on first use.
     *
     * @return the second container's aggregate
     */
    synchronized AccountAggregate plainAccounts() {
        if (plain == null) {
            plain = db.weld(AccountSaga.class, AccountSummaryView.class, AccountAggregate.class, PlainJdbcCommandStore.class,
                    PlainJdbcEntityStore.class).containerId("plain-jdbc").initialize();
            plainAccounts = plain.select(AccountAggregate.class).get();
        }
        return plainAccounts;
    }

    /**
     * The bank in a third container on the same database whose log, entity documents and view (the
     * document view {@code AccountView} in place of the JPA entity) are all written by plain JDBC
     * ({@link PlainJdbcCommandStore}, {@link PlainJdbcEntityStore}, {@link PlainJdbcViewModelStore}: a
     * prototype, not the library), started on first use: SourceFlow with no work for the
     * persistence provider but handing out the transaction's connection.
     *
     * @return the third container's aggregate
     */
    synchronized AccountAggregate noJpaAccounts() {
        if (noJpa == null) {
            noJpa = db.weld(AccountSaga.class, AccountView.class, AccountAggregate.class, PlainJdbcCommandStore.class,
                    PlainJdbcEntityStore.class, PlainJdbcViewModelStore.class).containerId("no-jpa").initialize();
            noJpaAccounts = noJpa.select(AccountAggregate.class).get();
        }
        return noJpaAccounts;
    }

    /**
     * Stops the containers and closes the database.
     *
     * @throws Exception when closing fails
     */
    @TearDown(Level.Trial)
    public void stop() throws Exception {
        if (plain != null) {
            plain.close();
        }
        if (noJpa != null) {
            noJpa.close();
        }
        container.close();
        db.close();
    }
}
