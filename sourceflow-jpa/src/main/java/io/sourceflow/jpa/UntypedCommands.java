package io.sourceflow.jpa;

import io.sourceflow.spi.MessageTypes;
import io.sourceflow.spi.SafeText;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Adopts the log rows written before entity types were logged: migration V3 gives them the type
 * {@value #UNADOPTED} (a name no entity type may have), as SQL cannot tell whose they are: a row's
 * type is that of the entity kept by the saga that handles its command here.
 *
 * <p>A transaction that uses the log asks, once, for the stored aliases and revisions of such rows,
 * in order, and for each asks which entity type the application's sagas give it
 * ({@link MessageTypes#entityTypeOf}, following renames by upcasters) and writes it into those rows:
 * one statement per alias, under the rows' locks, so that two first transactions meet there, in
 * the same order, and the second finds nothing left. Once a transaction finds no row it could adopt,
 * none is asked for again in this process. Rows whose command no saga here handles stay, with a
 * warning. Outside a transaction nothing can be written: a read then takes the unadopted rows of an
 * id as the asked type's when their commands are that type's ({@link #belongTo}).
 */
final class UntypedCommands {

    /** The entity type of rows logged before entity types were, until adopted. */
    static final String UNADOPTED = "#unadopted";

    private static final Logger LOG = Logger.getLogger(UntypedCommands.class.getName());
    private static final String FORMS = "SELECT DISTINCT type_alias, type_revision FROM sourceflow_command"
            + " WHERE entity_type = '" + UNADOPTED + "' ORDER BY type_alias, type_revision";
    private static final String FORMS_OF_ID = "SELECT DISTINCT type_alias, type_revision FROM sourceflow_command"
            + " WHERE entity_type = '" + UNADOPTED + "' AND entity_id = ?";
    private static final String ADOPT = "UPDATE sourceflow_command SET entity_type = ? WHERE entity_type = '" + UNADOPTED
            + "' AND type_alias = ? AND type_revision = ?";

    private final Object key = new Object();
    private volatile boolean adopted;

    /** Whether rows may still be unadopted: no transaction of this process has found none it could adopt. */
    boolean pending() {
        return !adopted;
    }

    /**
     * Adopts the rows in the active transaction, unless this transaction or an earlier one did.
     *
     * @param em the transaction's entity manager
     * @param tx the registry, its transaction active; null without a registry (the store cannot see the
     *     transaction it appends in then, so every call asks: one probe of the log's key once adopted)
     * @param types what tells an alias's entity type
     */
    void adopt(EntityManager em, TransactionSynchronizationRegistry tx, MessageTypes types) {
        if (adopted || tx != null && tx.getResource(key) != null) {
            return;
        }
        if (tx != null) {
            tx.putResource(key, Boolean.TRUE);
        }
        try {
            boolean adoptedAny = false;
            for (Object[] form : forms(em.createNativeQuery(FORMS).getResultList())) {
                String alias = (String) form[0];
                int revision = ((Number) form[1]).intValue();
                Optional<String> type = types.entityTypeOf(alias, revision);
                if (type.isPresent()) {
                    int rows = em.createNativeQuery(ADOPT).setParameter(1, type.get()).setParameter(2, alias)
                            .setParameter(3, revision).executeUpdate();
                    adoptedAny = true;
                    LOG.info(() -> "Command log: " + rows + " rows of revision " + revision + " of '" + SafeText.forLog(alias)
                            + "', logged before entity types were, now belong to entity type '" + type.get() + "'");
                } else {
                    LOG.warning(() -> "Command log: rows of revision " + revision + " of '" + SafeText.forLog(alias)
                            + "' stay unadopted (logged before entity types were): no saga here handles that command");
                }
            }
            adopted = !adoptedAny;
        } catch (PersistenceException e) {
            throw Failures.translate(e, "the adoption of command log rows logged before entity types were");
        }
    }

    /**
     * The entity types a read of the log takes, after the active transaction (if any) adopted what it
     * could: the asked one, and, outside a transaction while unadopted rows may remain,
     * {@link #UNADOPTED} when the id's unadopted rows are commands of the asked type.
     *
     * @param context the stores' context, for the transaction and the message types
     * @param em the entity manager
     * @param entityType the asked type
     * @param entityId the id read
     * @return the types to read the id's rows of
     */
    List<String> keys(JpaContext context, EntityManager em, String entityType, String entityId) {
        if (adoptInTransaction(context, em)) {
            return List.of(entityType);
        }
        return pending() && belongTo(em, entityType, entityId, context.messageTypes())
                ? List.of(entityType, UNADOPTED) : List.of(entityType);
    }

    /**
     * Adopts what it can in the active transaction, if there is one.
     *
     * @return whether a transaction is active
     */
    boolean adoptInTransaction(JpaContext context, EntityManager em) {
        TransactionSynchronizationRegistry tx = context.activeTransaction();
        if (tx != null) {
            adopt(em, tx, context.messageTypes());
        }
        return tx != null;
    }

    /** Whether the unadopted rows of an id hold commands of the type, read without a transaction. */
    private boolean belongTo(EntityManager em, String entityType, String entityId, MessageTypes types) {
        return forms(em.createNativeQuery(FORMS_OF_ID).setParameter(1, entityId).getResultList()).stream()
                .anyMatch(form -> types.entityTypeOf((String) form[0], ((Number) form[1]).intValue())
                        .filter(entityType::equals).isPresent());
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> forms(List<?> rows) {
        return (List<Object[]>) rows;
    }
}
