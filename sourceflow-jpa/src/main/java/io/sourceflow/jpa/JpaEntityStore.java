package io.sourceflow.jpa;

import io.sourceflow.spi.EntityStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * The saga entity store on JPA, enabled whenever this module is deployed: JPA entity classes in
 * their own tables, other classes as JSON documents (see {@link JpaKeyedStore}). A transaction's
 * first read of an entity is the database's, never the provider's shared cache's ({@link FirstReads}).
 */
@ApplicationScoped
@Alternative
@Priority(JpaStores.PRIORITY)
public class JpaEntityStore extends JpaKeyedStore implements EntityStore {

    @Override
    boolean readsFromDatabase() {
        return true;
    }
}
