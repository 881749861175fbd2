package io.sourceflow.jpa;

import io.sourceflow.spi.ViewModelStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Typed;

/**
 * A benchmark prototype, not the library: the view model store with documents read and written by
 * plain JDBC in a JTA transaction ({@link PlainJdbcDocuments}), served from the copies committed
 * transactions left, as EclipseLink's shared cache serves the library's view models.
 */
@ApplicationScoped
@Alternative
@Priority(JpaStores.PRIORITY + 1)
@Typed(ViewModelStore.class)
public class PlainJdbcViewModelStore extends PlainJdbcEntityStore implements ViewModelStore {

    @Override
    boolean cached() {
        return true;
    }
}
