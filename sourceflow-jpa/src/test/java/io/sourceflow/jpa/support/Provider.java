package io.sourceflow.jpa.support;

import java.util.Locale;
import java.util.Map;

/**
 * The persistence provider the tests run on, chosen by the system property
 * {@value #PROPERTY} ({@code eclipselink}, the default, as on Open Liberty; or {@code hibernate},
 * as on WildFly): the properties that make it the unit's provider and tie it to Narayana's JTA
 * outside a server. The unit in {@code META-INF/persistence.xml} names EclipseLink; the standard
 * {@code jakarta.persistence.provider} property overrides that.
 */
public enum Provider {

    /** EclipseLink, with {@link NarayanaPlatform} as its server platform. */
    ECLIPSELINK(Map.of(
            "jakarta.persistence.provider", "org.eclipse.persistence.jpa.PersistenceProvider",
            // a name, not a class literal: the class extends EclipseLink's, absent when Hibernate runs the tests
            "eclipselink.target-server", "io.sourceflow.jpa.support.NarayanaPlatform"), 1),
    /** Hibernate ORM, with its stand-alone Narayana JTA platform. */
    HIBERNATE(Map.of(
            "jakarta.persistence.provider", "org.hibernate.jpa.HibernatePersistenceProvider",
            "jakarta.persistence.transactionType", "JTA",
            "hibernate.transaction.jta.platform",
            "org.hibernate.engine.transaction.jta.platform.internal.JBossStandAloneJtaPlatform",
            "hibernate.jdbc.batch_size", "50",
            "hibernate.order_inserts", "true",
            "hibernate.order_updates", "true"), 0);

    /** The system property that picks the provider. */
    public static final String PROPERTY = "sourceflow.test.jpa.provider";

    private final Map<String, Object> properties;
    private final long initialVersion;

    Provider(Map<String, Object> properties, long initialVersion) {
        this.properties = properties;
        this.initialVersion = initialVersion;
    }

    /** @return the provider the system property names, EclipseLink when it is unset */
    public static Provider current() {
        return valueOf(System.getProperty(PROPERTY, "eclipselink").toUpperCase(Locale.ROOT));
    }

    /**
     * The {@code @Version} of a newly persisted row: Jakarta Persistence leaves it to the provider
     * (EclipseLink writes 1, Hibernate 0); each update adds one on both.
     *
     * @return the first version
     */
    public long initialVersion() {
        return initialVersion;
    }

    /** @return the persistence-unit properties that select and configure this provider */
    public Map<String, Object> properties() {
        return properties;
    }
}
