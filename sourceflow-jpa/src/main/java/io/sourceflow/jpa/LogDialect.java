package io.sourceflow.jpa;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * How the command store locks an entity and claims its next number on the provider and database
 * behind an entity manager, found out once from the first entity manager in a transaction.
 *
 * <p>On PostgreSQL the log claims a number with one statement ({@link PostgresClaims}); elsewhere it
 * locks the entity's first row through a named query and reads the last number in a second
 * statement. The locking query differs by provider: EclipseLink locks through its query hint
 * ({@link CommandRow#LOCK_BY_HINT}), as a lock mode on a named query makes it copy and prepare the
 * query again on every use; Hibernate ignores that hint and takes the lock mode
 * ({@link CommandRow#LOCK}).
 *
 * @param lockQuery the named query that locks an entity's first row
 * @param postgres whether the database is PostgreSQL
 */
record LogDialect(String lockQuery, boolean postgres) {

    /** The product name PostgreSQL's driver reports. */
    static final String POSTGRESQL = "PostgreSQL";

    /**
     * Asks the provider and, through the transaction's connection, the database.
     *
     * @param em an entity manager in an active transaction
     * @return the dialect
     */
    static LogDialect of(EntityManager em) {
        boolean eclipseLink = eclipseLink(em);
        String product = eclipseLink ? productName(em.unwrap(Connection.class)) : HibernateConnections.productName(em);
        return new LogDialect(eclipseLink ? CommandRow.LOCK_BY_HINT : CommandRow.LOCK, POSTGRESQL.equals(product));
    }

    /**
     * The provider's way alone, where no transaction gives a connection to ask the database.
     *
     * @param em an entity manager
     * @return the dialect of the generic path
     */
    static LogDialect outsideTransaction(EntityManager em) {
        return new LogDialect(eclipseLink(em) ? CommandRow.LOCK_BY_HINT : CommandRow.LOCK, false);
    }

    private static boolean eclipseLink(EntityManager em) {
        return em.getDelegate().getClass().getName().startsWith("org.eclipse.persistence.");
    }

    /**
     * The database product a connection reports.
     *
     * @param connection the connection; not closed
     * @return its product name
     */
    static String productName(Connection connection) {
        try {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database's product name from its connection's metadata", e);
        }
    }
}
