package io.sourceflow.jpa;

import io.sourceflow.spi.ViewModelStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * The view model store on JPA, enabled whenever this module is deployed: JPA entity classes in
 * their own tables, other classes as JSON documents (see {@link JpaKeyedStore}).
 */
@ApplicationScoped
@Alternative
@Priority(JpaStores.PRIORITY)
public class JpaViewModelStore extends JpaKeyedStore implements ViewModelStore {
}
