package io.sourceflow.jpa;

import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;

/**
 * A benchmark prototype, not the library: the transaction's connection, asked of the persistence
 * context once per transaction ({@code EntityManager.unwrap(Connection.class)}, which makes EclipseLink
 * take its connection for the rest of the transaction) and kept with the transaction for the
 * prototype stores' later statements.
 */
final class TransactionConnections {

    private TransactionConnections() {
    }

    /**
     * The connection the persistence context writes on in this transaction.
     *
     * @param context the persistence context
     * @param tx the active transaction
     * @return its connection, enlisted in the transaction
     */
    static Connection of(JpaContext context, TransactionSynchronizationRegistry tx) {
        Connection known = (Connection) tx.getResource(TransactionConnections.class);
        if (known == null) {
            known = context.entityManager().unwrap(Connection.class);
            tx.putResource(TransactionConnections.class, known);
        }
        return known;
    }
}
