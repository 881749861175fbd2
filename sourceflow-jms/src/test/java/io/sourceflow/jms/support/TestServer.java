package io.sourceflow.jms.support;

import com.arjuna.ats.jta.cdi.TransactionExtension;
import io.opentelemetry.api.OpenTelemetry;
import io.sourceflow.cdi.SourceFlowExtension;
import io.sourceflow.jms.JmsExtension;
import io.sourceflow.jpa.JpaCommandStatusStore;
import io.sourceflow.jpa.JpaDeadLetterStore;
import io.sourceflow.jpa.JpaInbox;
import io.sourceflow.jpa.JpaOutbox;
import io.sourceflow.jpa.support.Rows;
import io.sourceflow.jpa.support.TestDatabase;
import jakarta.jms.ConnectionFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * One application "server" inside the test JVM: a Weld SE container of its own with SourceFlow,
 * Narayana's JTA, sourceflow-jms, the given beans and configuration, the shared OpenTelemetry SDK
 * and JMS connection factory (as a CDI bean named like the default
 * {@code sourceflow.jms.connection-factory}), and either the JPA stores on an H2 database of its own
 * or the in-memory stores.
 */
public final class TestServer implements AutoCloseable {

    /** The default connection-factory name, under which the test factory is added as a bean. */
    public static final String FACTORY_NAME = "jms/sourceflow/ConnectionFactory";

    private final WeldContainer container;
    private final TestDatabase db;

    private TestServer(WeldContainer container, TestDatabase db) {
        this.container = container;
        this.db = db;
    }

    /**
     * Starts building a server.
     *
     * @param name the container id, also the H2 database's name (letters, digits, underscores)
     * @return the builder
     */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /**
     * A bean of the server.
     *
     * @param type its type
     * @param <T> the type
     * @return the bean
     */
    public <T> T get(Class<T> type) {
        return container.select(type).get();
    }

    /** @return plain JDBC access to the server's database */
    public Rows rows() {
        if (db == null) {
            throw new IllegalStateException("This server keeps its stores in memory");
        }
        return new Rows(db);
    }

    @Override
    public void close() throws java.sql.SQLException {
        try {
            container.shutdown();
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    /** Assembles a {@link TestServer}. */
    public static final class Builder {
        private final String name;
        private final Map<String, String> config = new HashMap<>();
        private final List<Class<?>> beans = new ArrayList<>();
        private boolean jpa;
        private OpenTelemetry openTelemetry;
        private ConnectionFactory factory;

        private Builder(String name) {
            this.name = name;
        }

        /** @return this, with the JPA stores on an H2 database */
        public Builder jpa() {
            this.jpa = true;
            return this;
        }

        /** @param key a configuration key @param value its value @return this */
        public Builder config(String key, String value) {
            config.put(key, value);
            return this;
        }

        /** @param classes application beans @return this */
        public Builder beans(Class<?>... classes) {
            beans.addAll(List.of(classes));
            return this;
        }

        /** @param sdk the shared OpenTelemetry @return this */
        public Builder telemetry(OpenTelemetry sdk) {
            this.openTelemetry = sdk;
            return this;
        }

        /** @param connectionFactory the shared connection factory @return this */
        public Builder jms(ConnectionFactory connectionFactory) {
            this.factory = connectionFactory;
            return this;
        }

        /**
         * Boots the container.
         *
         * @return the running server
         */
        public TestServer start() {
            TestDatabase db = jpa ? TestDatabase.create(TestDatabase.Kind.H2, name) : null;
            InstanceBeans resources = new InstanceBeans().add(Config.class, new TestConfig(config));
            if (openTelemetry != null) {
                resources.add(OpenTelemetry.class, openTelemetry);
            }
            if (factory != null) {
                resources.addNamed(ConnectionFactory.class, FACTORY_NAME, factory);
            }
            Weld weld = db != null ? db.weld().addBeanClasses(JpaInbox.class, JpaDeadLetterStore.class, JpaCommandStatusStore.class,
                    JpaOutbox.class)
                    : new Weld().disableDiscovery().addExtension(new SourceFlowExtension())
                            .addExtension(new TransactionExtension());
            try {
                WeldContainer container = weld.containerId(name).addExtension(new JmsExtension()).addExtension(resources)
                        .addBeanClasses(beans.toArray(Class<?>[]::new)).initialize();
                return new TestServer(container, db);
            } catch (RuntimeException e) {
                if (db != null) {
                    try {
                        db.close();
                    } catch (java.sql.SQLException closing) {
                        e.addSuppressed(closing);
                    }
                }
                throw e;
            }
        }
    }
}
