package io.sourceflow.jpa;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Objects;
import java.util.Optional;

/**
 * A benchmark prototype, not the library: {@link JpaEntityStore} with JSON documents read and written
 * by plain JDBC in a JTA transaction ({@link PlainJdbcDocuments}; a transaction's first read is
 * always the database's). JPA entity classes and reads outside a transaction stay the library's.
 * It measures what the entity's document costs when EclipseLink does not see it (issue 15, item 4).
 */
@ApplicationScoped
@Alternative
@Priority(JpaStores.PRIORITY + 1)
public class PlainJdbcEntityStore extends JpaEntityStore {

    private final ClassValue<Boolean> documents = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return context.entityManager().getMetamodel().getEntities().stream().noneMatch(e -> e.getJavaType() == type);
        }
    };
    private volatile PlainJdbcDocuments plain;

    @Override
    public <T> Optional<T> find(Class<T> type, String id) {
        TransactionSynchronizationRegistry tx = context.activeTransaction();
        if (tx == null || !documents.get(type)) {
            return super.find(type, id);
        }
        return plain().find(tx, type, id).map(body -> serializer.deserialize(body, type));
    }

    @Override
    public <T> void persist(Class<T> type, String id, T value) {
        TransactionSynchronizationRegistry tx = context.activeTransaction();
        if (tx == null || !documents.get(type)) {
            super.persist(type, id, value);
            return;
        }
        plain().persist(tx, type, id, serializer.serialize(Objects.requireNonNull(value, "value")));
    }

    /**
     * The documents, read past any cache ({@code false}) or served from committed copies.
     *
     * @return the documents
     */
    boolean cached() {
        return false;
    }

    private PlainJdbcDocuments plain() {
        PlainJdbcDocuments known = plain;
        if (known == null) {
            known = new PlainJdbcDocuments(context, cached());
            plain = known;
        }
        return known;
    }
}
