package io.sourceflow.jpa;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

/**
 * What Hibernate tells of the transaction's connection; a class of its own, so that nothing of
 * Hibernate is loaded where another provider runs.
 */
final class HibernateConnections {

    private HibernateConnections() {
    }

    /**
     * The database product behind the session's connection.
     *
     * @param em an entity manager of Hibernate, in a transaction
     * @return its product name
     */
    static String productName(EntityManager em) {
        return em.unwrap(Session.class).doReturningWork(LogDialect::productName);
    }
}
