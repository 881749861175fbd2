package io.sourceflow.jpa;

import io.sourceflow.spi.MessageTypes;
import io.sourceflow.spi.SafeText;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Adopts the log rows written before entity types were logged: migration V3 gives them the empty
 * type, which SQL cannot resolve, since a row's type is that of the entity kept by the saga that
 * handles its command here. The first transaction that uses the log asks, per stored alias and
 * revision of the untyped rows, which entity type the application's sagas give it
 * ({@link MessageTypes#entityTypeOf}) and writes it into those rows (a statement per alias, under the
 * rows' locks: two first transactions meet there, and the second finds nothing left). Once one such
 * transaction has committed, nothing is asked again in this process. Rows whose command no saga here
 * handles stay untyped, each process start asks for them once more, and logs them.
 */
final class UntypedCommands {

    private static final Logger LOG = Logger.getLogger(UntypedCommands.class.getName());
    private static final String FORMS = "SELECT DISTINCT type_alias, type_revision FROM sourceflow_command WHERE entity_type = ''";
    private static final String ADOPT = "UPDATE sourceflow_command SET entity_type = ? WHERE entity_type = '' AND type_alias = ?"
            + " AND type_revision = ?";

    private final Object key = new Object();
    private volatile boolean adopted;

    /** Whether rows may still be untyped: no transaction that adopted them has committed in this process. */
    boolean pending() {
        return !adopted;
    }

    /**
     * Adopts the untyped rows in the active transaction, unless done.
     *
     * @param em the transaction's entity manager
     * @param tx the registry, its transaction active
     * @param types what tells an alias's entity type
     */
    void adopt(EntityManager em, TransactionSynchronizationRegistry tx, MessageTypes types) {
        if (adopted || tx.getResource(key) != null) {
            return;
        }
        tx.putResource(key, Boolean.TRUE);
        tx.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // the outcome is not known yet
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    adopted = true;
                }
            }
        });
        @SuppressWarnings("unchecked")
        List<Object[]> forms = em.createNativeQuery(FORMS).getResultList();
        for (Object[] form : forms) {
            String alias = (String) form[0];
            int revision = ((Number) form[1]).intValue();
            Optional<String> type = types.entityTypeOf(alias, revision);
            if (type.isPresent()) {
                int rows = em.createNativeQuery(ADOPT).setParameter(1, type.get()).setParameter(2, alias)
                        .setParameter(3, revision).executeUpdate();
                LOG.info(() -> "Command log: " + rows + " rows of revision " + revision + " of '" + SafeText.forLog(alias)
                        + "', logged before entity types were, now belong to entity type '" + type.get() + "'");
            } else {
                LOG.warning(() -> "Command log: rows of revision " + revision + " of '" + SafeText.forLog(alias) + "' stay"
                        + " untyped (logged before entity types were): no saga here handles that command");
            }
        }
    }
}
