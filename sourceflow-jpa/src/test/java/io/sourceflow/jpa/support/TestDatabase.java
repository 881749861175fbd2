package io.sourceflow.jpa.support;

import com.arjuna.ats.jta.cdi.TransactionExtension;
import io.sourceflow.cdi.SourceFlowExtension;
import io.sourceflow.jpa.FlushPerCommand;
import io.sourceflow.jpa.FlushPerEvent;
import io.sourceflow.jpa.JpaCommandStore;
import io.sourceflow.jpa.JpaSubjectKeyStore;
import io.sourceflow.jpa.JpaContext;
import io.sourceflow.jpa.JpaEntityStore;
import io.sourceflow.jpa.JpaViewModelStore;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.transaction.TransactionManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.weld.environment.se.Weld;

/**
 * A database for one test class: a fresh H2 database or PostgreSQL schema created from the shipped
 * DDL, a JTA data source over it and the persistence unit {@code sourceflow} of the test resources.
 */
public final class TestDatabase implements AutoCloseable {

    /** The databases the tests run on. */
    public enum Kind {
        /** H2 in memory. */
        H2("h2", "ddl/test-tables.sql"),
        /** The PostgreSQL on 127.0.0.1:5432, database {@code test}, one schema per test class. */
        POSTGRESQL("postgresql", "ddl/test-tables.sql"),
        /** Derby in memory (embedded), as the sample's default server configuration; no UUID-keyed table. */
        DERBY("derby", "ddl/test-tables-derby.sql"),
        /** The MariaDB on 127.0.0.1:3306 (root, no password), one database per test class. */
        MARIADB("mariadb", "ddl/test-tables-mariadb.sql");

        final String ddl;
        final String testTables;

        Kind(String ddl, String testTables) {
            this.ddl = ddl;
            this.testTables = testTables;
        }
    }

    /** How the JTA data source enlists its connections, as a server's data-source {@code type} chooses. */
    public enum Transactions {
        /** The driver's XA resource ({@code javax.sql.XADataSource}); one-phase commit when it is alone. */
        XA,
        /**
         * The connection's local transaction as the last resource ({@code javax.sql.ConnectionPoolDataSource}),
         * like the shipped Liberty PostgreSQL configuration.
         */
        LOCAL
    }

    /** The classes of the JPA module's beans. */
    public static final Class<?>[] JPA_BEANS = {JpaContext.class, JpaCommandStore.class, JpaEntityStore.class,
        JpaViewModelStore.class, FlushPerCommand.class, FlushPerEvent.class, JpaSubjectKeyStore.class};

    private final Kind kind;
    private final XaPool pool;
    private final EntityManagerFactory emf;

    private TestDatabase(Kind kind, XaPool pool, Map<String, Object> schemaGeneration) {
        this.kind = kind;
        this.pool = pool;
        Map<String, Object> properties = new HashMap<>(schemaGeneration);
        properties.put("jakarta.persistence.jtaDataSource", pool);
        properties.putAll(Provider.current().properties());
        this.emf = Persistence.createEntityManagerFactory("sourceflow", properties);
    }

    /** The history table of SourceFlow's migrations, apart from an application's own. */
    public static final String HISTORY_TABLE = "sourceflow_schema_history";

    /**
     * Flyway set up with SourceFlow's migrations for a database, as an application would run them.
     *
     * @param kind which database
     * @param dataSource where to run them
     * @return the configuration, to load and migrate
     */
    public static FluentConfiguration migrations(Kind kind, DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).table(HISTORY_TABLE)
                .locations("classpath:META-INF/sourceflow/db/migration/" + kind.ddl);
    }

    /**
     * A database whose schema was made before, by the caller: its test tables are added, the
     * provider leaves the schema alone.
     *
     * @param kind which database
     * @param pool its data source
     * @return the database
     */
    public static TestDatabase existing(Kind kind, XaPool pool) {
        try (Connection c = pool.getConnection()) {
            run(c, kind.testTables);
            return new TestDatabase(kind, pool, Map.of());
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot set up the " + kind + " test database", e);
        }
    }

    /**
     * Creates the database and its tables (SourceFlow's by its migrations).
     *
     * @param kind which database
     * @param name a name unique to the test class (letters, digits, underscores)
     * @return the database
     */
    public static TestDatabase create(Kind kind, String name) {
        return create(kind, name, Transactions.XA);
    }

    /**
     * Creates the database and its tables, with a data source that enlists connections as asked.
     *
     * @param kind which database
     * @param name a name unique to the test class (letters, digits, underscores)
     * @param transactions XA or local transactions
     * @return the database
     */
    public static TestDatabase create(Kind kind, String name, Transactions transactions) {
        try {
            XaPool pool;
            if (kind == Kind.DERBY) {
                pool = new XaPool(Drivers.derby(name));
            } else if (kind == Kind.MARIADB) {
                pool = transactions == Transactions.XA ? new XaPool((javax.sql.XADataSource) Drivers.mariadb(name))
                        : new XaPool((javax.sql.ConnectionPoolDataSource) Drivers.mariadb(name));
            } else if (transactions == Transactions.XA) {
                pool = new XaPool(kind == Kind.H2 ? Drivers.h2(name) : Drivers.postgresql(name));
            } else {
                pool = new XaPool(kind == Kind.H2 ? Drivers.h2(name) : Drivers.postgresqlPooled(name));
            }
            migrations(kind, pool).load().migrate();
            try (Connection c = pool.getConnection()) {
                run(c, kind.testTables);
            }
            return new TestDatabase(kind, pool, Map.of());
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot set up the " + kind + " test database " + name, e);
        }
    }

    /**
     * Creates an empty database whose tables the persistence provider generates from the mapping
     * ({@code jakarta.persistence.schema-generation.database.action=create}), as in development.
     *
     * @param kind which database
     * @param name a name unique to the test class (letters, digits, underscores)
     * @return the database
     */
    public static TestDatabase generated(Kind kind, String name) {
        try {
            return new TestDatabase(kind, emptyPool(kind, name),
                    Map.of("jakarta.persistence.schema-generation.database.action", "create"));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set up the " + kind + " test database " + name, e);
        }
    }

    /**
     * Creates a database whose SourceFlow tables the persistence provider creates by running the
     * shipped DDL script ({@code create-source=script}), as the package documentation offers for
     * development; the test entities' tables are made with JDBC.
     *
     * @param kind which database
     * @param name a name unique to the test class (letters, digits, underscores)
     * @return the database
     */
    public static TestDatabase scriptRunByProvider(Kind kind, String name) {
        try {
            XaPool pool = emptyPool(kind, name);
            try (Connection c = pool.getConnection()) {
                run(c, kind.testTables);
            }
            return new TestDatabase(kind, pool, Map.of(
                    "jakarta.persistence.schema-generation.database.action", "create",
                    "jakarta.persistence.schema-generation.create-source", "script",
                    "jakarta.persistence.schema-generation.create-script-source", "META-INF/sourceflow/ddl/" + kind.ddl + ".sql"));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot set up the " + kind + " test database " + name, e);
        }
    }

    /**
     * Runs work in a JTA transaction of its own, committed when the work returns, rolled back when it throws.
     *
     * @param work the work
     * @param <T> what it returns
     * @return what it returned
     */
    public static <T> T inTransaction(Supplier<T> work) {
        TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
        try {
            tm.begin();
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                tm.rollback();
                throw e;
            }
            tm.commit();
            return result;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An empty database.
     *
     * @param kind which database
     * @param name a name unique to the test class (letters, digits, underscores)
     * @return its JTA data source
     * @throws SQLException when the database is unreachable
     */
    public static XaPool emptyPool(Kind kind, String name) throws SQLException {
        return new XaPool(switch (kind) {
            case H2 -> Drivers.h2(name);
            case POSTGRESQL -> Drivers.postgresql(name);
            case DERBY -> Drivers.derby(name);
            case MARIADB -> Drivers.mariadb(name);
        });
    }

    /** @return which database this is */
    public Kind kind() {
        return kind;
    }

    /** @return the JTA data source */
    public XaPool dataSource() {
        return pool;
    }

    /** @return the persistence unit */
    public EntityManagerFactory entityManagerFactory() {
        return emf;
    }

    /**
     * A plain auto-commit connection, for checking rows. Close it.
     *
     * @return the connection
     * @throws SQLException when the database is unreachable
     */
    public Connection connect() throws SQLException {
        return pool.getConnection();
    }

    /**
     * A Weld SE container with SourceFlow, Narayana's JTA, the JPA stores and these beans.
     *
     * @param beans the application's beans
     * @return the container definition
     */
    public Weld weld(Class<?>... beans) {
        return new Weld().disableDiscovery()
                .addExtension(new SourceFlowExtension())
                .addExtension(new TransactionExtension())
                .addBeanClasses(JPA_BEANS)
                .addBeanClasses(beans)
                .addServices(new TestJpaInjection(emf), new NarayanaTransactionServices());
    }

    @Override
    public void close() throws SQLException {
        emf.close();
        pool.close();
    }

    public static void run(Connection c, String resource) throws IOException, SQLException {
        String script;
        try (InputStream in = Objects.requireNonNull(TestDatabase.class.getClassLoader().getResourceAsStream(resource),
                resource)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Statement s = c.createStatement()) {
            for (String statement : script.replaceAll("(?m)^--.*$", "").split(";\\s*(\\n|$)")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
    }
}
