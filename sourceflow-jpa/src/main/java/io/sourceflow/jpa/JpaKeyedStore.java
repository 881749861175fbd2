package io.sourceflow.jpa;

import io.sourceflow.MessageFormatException;
import io.sourceflow.spi.DocumentTypes;
import io.sourceflow.spi.KeyedStore;
import io.sourceflow.spi.SafeText;
import io.sourceflow.spi.Serializer;
import io.sourceflow.spi.StoredForm;
import jakarta.inject.Inject;
import jakarta.persistence.Cache;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.metamodel.EntityType;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Objects;
import java.util.Optional;

/**
 * Objects by type and id in the current JTA transaction. A JPA entity class is read and written
 * with the entity manager, in its own table; any other class is kept as JSON in
 * {@code sourceflow_document} under its {@link io.sourceflow.DocumentType} name and revision; a
 * document of an older revision is read through the application's upcasters ({@link StoredForms}),
 * and written back at the current one. Both are optimistically locked:
 * a stale write fails when the persistence context is flushed, as a
 * {@link io.sourceflow.ConcurrencyException} when {@link FlushPerCommand} flushes it.
 *
 * <p>In the entity store a transaction's first read of a row is the database's, not the provider's
 * shared cache's ({@link FirstReads}).
 *
 * <p>{@link #delete} flushes at once, so that an object deleted and then persisted again in the
 * same transaction (as a replay does) is a delete followed by an insert, in that order.
 */
abstract class JpaKeyedStore implements KeyedStore {

    @Inject
    JpaContext context;
    @Inject
    Serializer serializer;

    private final FirstReads reads = new FirstReads();
    private final AbsentRows absent = new AbsentRows();

    private final ClassValue<Object> kinds = new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> type) {
            for (EntityType<?> entity : context.entityManager().getMetamodel().getEntities()) {
                if (entity.getJavaType() == type) {
                    return new EntityClass(entity);
                }
            }
            return new Document(DocumentTypes.name(type), DocumentTypes.revision(type));
        }
    };

    /** How a class that is no JPA entity is stored: its document type's name and current revision. */
    private record Document(String name, int revision) {
    }

    @Override
    public <T> Optional<T> find(Class<T> type, String id) {
        Objects.requireNonNull(id, "id");
        EntityManager em = context.entityManager();
        TransactionSynchronizationRegistry active = context.activeTransaction();
        TransactionSynchronizationRegistry tx = readsFromDatabase() ? active : null;
        if (kinds.get(type) instanceof EntityClass entity) {
            T found = reads.find(em, tx, type, entity.id(id), type, id);
            absent.seen(active, type, id, found != null);
            return Optional.ofNullable(found);
        }
        Document document = (Document) kinds.get(type);
        DocumentRow row = reads.find(em, tx, DocumentRow.class, new DocumentRow.Key(document.name(), id), type, id);
        absent.seen(active, type, id, row != null);
        return row == null ? Optional.empty() : Optional.of(read(row, document, type, id));
    }

    @Override
    public <T> void persist(Class<T> type, String id, T value) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(value, "value");
        EntityManager em = context.entityManager();
        TransactionSynchronizationRegistry active = context.activeTransaction();
        reads.first(active, type, id);
        boolean readAsMissing = absent.take(active, type, id);
        if (kinds.get(type) instanceof EntityClass entity) {
            persistEntity(em, entity, type, id, value, readAsMissing);
            return;
        }
        Document document = (Document) kinds.get(type);
        String body = serializer.serialize(value);
        DocumentRow row = readAsMissing ? null : em.find(DocumentRow.class, new DocumentRow.Key(document.name(), id));
        if (row == null) {
            em.persist(new DocumentRow(document.name(), id, document.revision(), body));
        } else if (!body.equals(row.getBody()) || document.revision() != row.getTypeRevision()) {
            row.setBody(document.revision(), body);
        }
    }

    @Override
    public void delete(Class<?> type, String id) {
        Objects.requireNonNull(id, "id");
        EntityManager em = context.entityManager();
        reads.first(context.activeTransaction(), type, id);
        Object existing = kinds.get(type) instanceof EntityClass entity
                ? em.find(type, entity.id(id))
                : em.find(DocumentRow.class, new DocumentRow.Key(((Document) kinds.get(type)).name(), id));
        if (existing != null) {
            em.remove(existing);
            flush(em, "the deletion of " + type.getSimpleName() + " '" + id + "'");
        }
    }

    @Override
    public void flush() {
        flush(context.entityManager(), "the writes of a replay");
    }

    /**
     * Deletes every object of a type in one statement (its table's rows, or its documents of its current
     * type name), after writing what the persistence context holds, and evicts the type from this
     * server's shared cache, at once and when the transaction ends (other servers' caches are not
     * told; their stale models fail on their versions when written): what {@link JpaViewModelStore}
     * offers as {@link io.sourceflow.spi.ViewModelStore#deleteAll}.
     *
     * @param type the objects' class
     * @return how many rows were deleted
     */
    public long deleteAll(Class<?> type) {
        EntityManager em = context.entityManager();
        flush(em, "the writes before deleting every " + type.getSimpleName());
        Class<?> cached = kinds.get(type) instanceof EntityClass ? type : DocumentRow.class;
        long deleted;
        try {
            deleted = cached == type ? deleteRows(em, type) : em.createQuery("DELETE FROM DocumentRow d WHERE d.typeName = :name")
                    .setParameter("name", ((Document) kinds.get(type)).name()).executeUpdate();
        } catch (PersistenceException e) {
            throw Failures.translate(e, "the deletion of every " + type.getName());
        }
        Cache cache = em.getEntityManagerFactory().getCache();
        cache.evict(cached);
        TransactionSynchronizationRegistry tx = context.activeTransaction();
        if (tx != null) {
            // a reader that cached a row between the statement and the commit must not keep it
            tx.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    cache.evict(cached);
                }
            });
        }
        return deleted;
    }

    private static <T> long deleteRows(EntityManager em, Class<T> type) {
        CriteriaDelete<T> all = em.getCriteriaBuilder().createCriteriaDelete(type);
        all.from(type);
        return em.createQuery(all).executeUpdate();
    }

    /** Flushes; a conflict, after the shared cache has forgotten stale rows, becomes a {@link io.sourceflow.ConcurrencyException}. */
    private static void flush(EntityManager em, String what) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            Failures.forgetStaleRows(em, e);
            throw Failures.translate(e, what);
        }
    }

    /**
     * Whether a transaction's first read of a row is the database's ({@link FirstReads}) rather than
     * the shared cache's. The entity store's is: a saga decides on what it reads. The view model store's
     * is not: a projection of a stale cached view model fails on its version when flushed, and the
     * retry, after the cache has been emptied, reads the database.
     *
     * @return true to read past the cache
     */
    boolean readsFromDatabase() {
        return false;
    }

    private static <T> void persistEntity(EntityManager em, EntityClass entity, Class<T> type, String id, T value,
            boolean readAsMissing) {
        if (em.contains(value)) {
            return;
        }
        Object key = entity.id(id);
        Object own = em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(value);
        if (!key.equals(own)) {
            throw new IllegalArgumentException("Cannot persist " + type.getName() + " under id '" + id
                    + "': its @Id is " + own + "; set it to the id it is kept under");
        }
        T existing = readAsMissing ? null : em.find(type, key);
        if (existing == null) {
            em.persist(value);
        } else {
            entity.adoptVersion(existing, value);
            em.merge(value);
        }
    }

    /** The document's object, its JSON first brought to the type's current revision when it is older. */
    private <T> T read(DocumentRow row, Document document, Class<T> type, String id) {
        String body = row.getBody();
        String provenance = "";
        if (row.getTypeRevision() != document.revision()) {
            StoredForm form = StoredForms.current(context.messageTypes(), new StoredForm(row.getTypeName(), row.getTypeRevision(),
                    body), "Cannot read " + describe(row, type, id) + ": ");
            body = form.payload();
            provenance = form.provenance();
        }
        try {
            return serializer.deserialize(body, type);
        } catch (MessageFormatException e) {
            throw new MessageFormatException("Cannot read " + describe(row, type, id) + provenance + ": " + e.getMessage(), e);
        }
    }

    private static String describe(DocumentRow row, Class<?> type, String id) {
        return "the document of " + type.getName() + " '" + SafeText.forLog(id) + "' (type name '"
                + SafeText.forLog(row.getTypeName()) + "', revision " + row.getTypeRevision() + ")";
    }
}
