package io.sourceflow.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The container-managed, transaction-scoped {@link EntityManager} every SourceFlow JPA bean uses.
 * It is the persistence context named {@value #REFERENCE_NAME}; without a deployment descriptor it
 * belongs to the module's only persistence unit (see the package documentation).
 */
@ApplicationScoped
public class JpaContext {

    /** The name of the persistence-context reference, to map it to a unit in {@code web.xml}. */
    public static final String REFERENCE_NAME = "sourceflow/entity-manager";

    @PersistenceContext(name = REFERENCE_NAME)
    EntityManager entityManager;

    /**
     * The entity manager of the current JTA transaction.
     *
     * @return the container's entity manager proxy
     */
    public EntityManager entityManager() {
        return entityManager;
    }
}
